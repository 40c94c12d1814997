import AgentRefDomain

/// An event the simulator is about to send, before its envelope is encoded.
struct OutgoingEvent: Sendable {
    /// `evt_…`.
    var id: String
    var type: String
    /// The account the event happened on.
    var account: String
    /// Unix seconds.
    var created: Int64
    /// The object of `data.object`.
    var object: JSONValue
    /// Values that changed, for `data.previous_attributes`; nil leaves the member out.
    var previousAttributes: JSONValue?

    init(type: String, account: String, created: Int64, object: JSONValue, previousAttributes: JSONValue? = nil) {
        self.id = StripeIdentifier.make("evt_1")
        self.type = type
        self.account = account
        self.created = created
        self.object = object
        self.previousAttributes = previousAttributes
    }

    /// Wraps the event in Stripe's envelope, as a webhook delivers it.
    ///
    /// - Parameter pendingWebhooks: The number of endpoints the event is sent to.
    func envelope(pendingWebhooks: Int) -> JSONValue {
        var data: JSONObject = ["object": object]
        if let previousAttributes {
            data["previous_attributes"] = previousAttributes
        }
        return .object([
            "id": .string(id),
            "object": .string("event"),
            "api_version": .string(StripeEvent.defaultAPIVersion),
            "created": .integer(created),
            "type": .string(type),
            "account": .string(account),
            "livemode": .bool(false),
            "pending_webhooks": .integer(Int64(pendingWebhooks)),
            "request": .object(["id": .null, "idempotency_key": .null]),
            "data": .object(data),
        ])
    }
}
