/// The purchases and changes `POST /_sim/trigger` can simulate, named as on the wire.
public enum SimulatorScenario: String, CaseIterable, Sendable {
    case checkoutPayment = "checkout-payment"
    case checkoutSubscription = "checkout-subscription"
    case subscriptionRenewal = "subscription-renewal"
    case refund = "refund"
    case subscriptionCanceled = "subscription-canceled"
    case directCharge = "direct-charge"

    /// One line for help text: what happens and which events are sent, in sending order.
    public var summary: String {
        switch self {
        case .checkoutPayment:
            "one-time Checkout payment: charge.succeeded, then checkout.session.completed (mode payment)"
        case .checkoutSubscription:
            "Checkout subscription sign-up: charge.succeeded, invoice.paid (subscription_create), "
                + "then checkout.session.completed (mode subscription)"
        case .subscriptionRenewal:
            "monthly renewal of a subscription: charge.succeeded, then invoice.paid (subscription_cycle)"
        case .refund:
            "full or partial refund of a charge (amount = refunded amount): charge.refunded"
        case .subscriptionCanceled:
            "subscription ends: customer.subscription.deleted"
        case .directCharge:
            "payment without Checkout, click id in the charge's metadata: charge.succeeded"
        }
    }

    /// True for scenarios that act on an earlier object (`target`); without one they use
    /// the account's most recent matching object.
    public var needsTarget: Bool {
        switch self {
        case .subscriptionRenewal, .refund, .subscriptionCanceled: true
        case .checkoutPayment, .checkoutSubscription, .directCharge: false
        }
    }
}
