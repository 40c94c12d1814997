import AgentRefDomain

/// A webhook endpoint registered on one account, as stored in the simulator's state.
struct WebhookEndpoint: Codable, Hashable, Sendable {
    /// `we_…`.
    var id: String
    /// The account the endpoint belongs to and whose events it receives.
    var account: String
    var url: String
    /// Event types, or `*` for all of them.
    var enabledEvents: [String]
    var description: String?
    var metadata: [String: String]
    var apiVersion: String?
    /// Client id of the OAuth application that created the endpoint on a connected
    /// account; nil when the account created it itself.
    var application: String?
    /// True for a platform endpoint that receives the events of connected accounts.
    var connect: Bool
    /// Unix seconds.
    var created: Int64
    /// The `whsec_…` signing secret.
    var secret: String
    var isEnabled: Bool

    /// True when the endpoint is enabled and subscribed to `type` or to `*`.
    func receives(_ type: String) -> Bool {
        isEnabled && (enabledEvents.contains("*") || enabledEvents.contains(type))
    }

    /// Renders the endpoint in Stripe's JSON shape. Stripe returns `secret` only when the endpoint
    /// is created, so other responses leave it out.
    func stripeObject(includingSecret: Bool) -> JSONValue {
        var members: JSONObject = [
            "id": .string(id),
            "object": .string("webhook_endpoint"),
            "api_version": .optional(apiVersion),
            "application": .optional(application),
            "created": .integer(created),
            "description": .optional(description),
            "enabled_events": .array(enabledEvents.map(JSONValue.string)),
            "livemode": .bool(false),
            "metadata": .metadata(metadata),
            "status": .string(isEnabled ? "enabled" : "disabled"),
            "url": .string(url),
        ]
        if includingSecret {
            members["secret"] = .string(secret)
        }
        return .object(members)
    }
}
