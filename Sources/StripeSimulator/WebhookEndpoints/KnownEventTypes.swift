/// The event types a webhook endpoint may subscribe to in the simulator: the types its
/// scenarios send and other common Stripe types, so realistic subscriptions are accepted.
/// Stripe has many more; add them here when a caller needs one.
enum KnownEventTypes {
    static let all: Set<String> = [
        "account.application.authorized", "account.application.deauthorized", "account.updated",
        "charge.captured", "charge.expired", "charge.failed", "charge.pending", "charge.refunded",
        "charge.succeeded", "charge.updated", "charge.dispute.created", "charge.dispute.closed",
        "charge.refund.updated",
        "checkout.session.async_payment_failed", "checkout.session.async_payment_succeeded",
        "checkout.session.completed", "checkout.session.expired",
        "customer.created", "customer.deleted", "customer.updated",
        "customer.subscription.created", "customer.subscription.deleted", "customer.subscription.paused",
        "customer.subscription.resumed", "customer.subscription.trial_will_end", "customer.subscription.updated",
        "invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_failed",
        "invoice.payment_succeeded", "invoice.upcoming", "invoice.updated", "invoice.voided",
        "payment_intent.canceled", "payment_intent.created", "payment_intent.payment_failed",
        "payment_intent.processing", "payment_intent.succeeded",
        "refund.created", "refund.updated",
    ]

    /// True for a known type or the wildcard `*`.
    static func isAccepted(_ type: String) -> Bool {
        type == "*" || all.contains(type)
    }
}
