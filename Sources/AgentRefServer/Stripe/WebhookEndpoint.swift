import AgentRefDomain

/// A Stripe `webhook_endpoint` object, as far as the server uses it.
struct WebhookEndpoint: Hashable, Sendable {
    var id: String
    var url: String
    var enabledEvents: [String]
    /// The `whsec_` signing secret; Stripe returns it only when the endpoint is created.
    var secret: String?
    var status: String?

    init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let url = json["url"]?.stringValue else { return nil }
        self.id = id
        self.url = url
        self.enabledEvents = json["enabled_events"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.secret = json["secret"]?.stringValue
        self.status = json["status"]?.stringValue
    }
}
