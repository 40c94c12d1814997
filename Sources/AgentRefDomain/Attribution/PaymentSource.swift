/// The kind of Stripe object that reported a payment.
public enum PaymentSource: String, Sendable, Codable, CaseIterable, Comparable {
    /// A Checkout Session (`checkout.session.completed`).
    case checkoutSession = "checkout_session"
    /// An invoice (`invoice.paid`).
    case invoice
    /// A charge (`charge.succeeded`, `charge.refunded`).
    case charge

    /// Rank of the object's amount: sessions and invoices state the tax, so their amount
    /// beats a charge's, which includes the tax without stating how much.
    var amountPrecedence: Int {
        switch self {
        case .checkoutSession, .invoice: 2
        case .charge: 1
        }
    }

    public static func < (lhs: PaymentSource, rhs: PaymentSource) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// What a payment is for, which decides how it earns commission.
public enum PaymentKind: String, Sendable, Codable, CaseIterable {
    /// Not known yet, because a charge on its own does not tell.
    case unknown
    /// A one-off payment: Checkout in `payment` mode, or an invoice without a subscription.
    case oneTime = "one_time"
    /// The first payment of a subscription: Checkout in `subscription` mode, or an invoice
    /// with `billing_reason` `subscription_create`.
    case subscriptionStart = "subscription_start"
    /// A later payment of a subscription, such as an invoice with `billing_reason`
    /// `subscription_cycle` or `subscription_update`.
    case subscriptionRenewal = "subscription_renewal"

    /// Returns the more specific of two kinds: anything beats `unknown`, and an invoice's
    /// view of a subscription beats a one-off guess.
    func refined(by other: PaymentKind) -> PaymentKind {
        switch (self, other) {
        case (.unknown, _): other
        case (.oneTime, .subscriptionStart), (.oneTime, .subscriptionRenewal): other
        default: self
        }
    }

    /// False for kinds that cannot describe the same payment.
    func isCompatible(with other: PaymentKind) -> Bool {
        self == .unknown || other == .unknown || self == other
    }
}
