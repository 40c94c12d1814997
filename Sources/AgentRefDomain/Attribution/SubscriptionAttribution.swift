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
    /// The time the subscription ended: `ended_at` of `customer.subscription.deleted`, else its
    /// `canceled_at` or the event's time. Payments made at or after it earn no recurring commission.
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

    /// True when the subscription had ended by `paidAt`, in Unix seconds. A payment made
    /// before the end still earns when its event arrives after `customer.subscription.deleted`.
    public func hasEnded(by paidAt: Int64) -> Bool {
        guard let endedAt else { return false }
        return Double(paidAt) >= endedAt.timeIntervalSince1970
    }
}
