import Foundation

/// The affiliate a subscription is credited to, recorded when its first payment is
/// attributed, so that renewals, which carry no click id, earn for the same affiliate.
public struct SubscriptionAttribution: Hashable, Sendable, Codable {
    public var subscriptionId: String
    public var programId: String
    public var affiliateId: String
    public var method: AttributionMethod
    /// The conversion of the first paid payment; nil while only free payments (a trial)
    /// were seen.
    public var firstConversionId: String?
    /// When the first payment was made, in Unix seconds as Stripe reports it.
    public var startedAt: Int64
    /// When `customer.subscription.deleted` arrived; no recurring commission after it.
    public var endedAt: Date?

    public init(
        subscriptionId: String,
        programId: String,
        affiliateId: String,
        method: AttributionMethod,
        firstConversionId: String?,
        startedAt: Int64,
        endedAt: Date? = nil
    ) {
        self.subscriptionId = subscriptionId
        self.programId = programId
        self.affiliateId = affiliateId
        self.method = method
        self.firstConversionId = firstConversionId
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    public var hasEnded: Bool { endedAt != nil }
}
