/// The Stripe event types a connection subscribes to, plus the one that reports revoked access.
public enum StripeEventType: String, Sendable, Codable, CaseIterable {
    case checkoutSessionCompleted = "checkout.session.completed"
    case invoicePaid = "invoice.paid"
    case chargeSucceeded = "charge.succeeded"
    case chargeRefunded = "charge.refunded"
    case customerSubscriptionDeleted = "customer.subscription.deleted"
    case accountApplicationDeauthorized = "account.application.deauthorized"

    /// The five events registered on every webhook endpoint, in registration order.
    public static let subscribed: [StripeEventType] = [
        .checkoutSessionCompleted, .invoicePaid, .chargeSucceeded, .chargeRefunded, .customerSubscriptionDeleted,
    ]
}
