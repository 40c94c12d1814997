/// A value found where an `agentref_cid` click id may be, with where it was found.
public struct ClickIDCandidate: Hashable, Sendable, Codable {
    /// The click id, such as `cid_4f9c2a7d1e0b3c58`.
    public var value: String
    /// `cookie` when the id came from the checkout session (set by the tracking script),
    /// `metadata` when it was put into other Stripe metadata directly.
    public var method: AttributionMethod
    /// The field it came from, for messages, such as `client_reference_id` or
    /// `subscription_details.metadata.agentref_cid`.
    public var field: String

    public init(value: String, method: AttributionMethod, field: String) {
        self.value = value
        self.method = method
        self.field = field
    }

    /// The metadata key AgentRef's tracking script and checkout integrations use.
    public static let metadataKey = "agentref_cid"
}
