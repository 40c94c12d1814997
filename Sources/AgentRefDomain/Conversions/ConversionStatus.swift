/// Lifecycle of a conversion's commission, as AgentRef names it.
public enum ConversionStatus: String, Sendable, Codable, CaseIterable {
    /// Earned, but still inside the program's hold period.
    case pending
    /// Past the hold period and payable.
    case approved
    /// Part of the payment was refunded and the commission reduced in proportion.
    case partiallyRefunded = "partially_refunded"
    /// The whole payment was refunded, so no commission remains.
    case refunded
    /// Rejected by the merchant, for example as fraud.
    case rejected
}

/// How a conversion was credited to its affiliate.
public enum AttributionMethod: String, Sendable, Codable, CaseIterable {
    /// A referral click's id reached Stripe through `client_reference_id` or metadata.
    case cookie
    /// The customer used the affiliate's coupon.
    case coupon
    /// `agentref_cid` was set directly in Stripe metadata.
    case metadata
}
