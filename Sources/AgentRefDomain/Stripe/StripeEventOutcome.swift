/// Result of applying a received Stripe event, as `GET /programs/{id}/stripe/events`
/// reports it.
public enum StripeEventOutcome: String, Sendable, Codable, CaseIterable {
    /// The event's payment created a new conversion.
    case conversionCreated = "conversion_created"
    /// The event reported a payment that already has a conversion.
    case linked
    /// A second event for a Stripe object that was already recorded.
    case duplicate
    /// A refund reduced a conversion's commission.
    case refundApplied = "refund_applied"
    /// A subscription ended, so it earns no further recurring commission.
    case subscriptionEnded = "subscription_ended"
    /// A payment without a known click id; it is counted but credits no affiliate.
    case unattributed
    /// Stored without effect, for the reason in `detail`.
    case ignored
    /// The merchant withdrew the program's access to the Stripe account.
    case revoked
}
