/// The Stripe ids that identify one payment across the objects Stripe reports it with.
///
/// A Checkout purchase shows up as a checkout session, an invoice (for subscriptions) and a
/// charge. Each object names some of the others, so two objects describe the same money
/// when they share one of these ids.
public struct PaymentReferences: Hashable, Sendable, Codable {
    public var checkoutSessionId: String?
    public var paymentIntentId: String?
    public var chargeId: String?
    public var invoiceId: String?
    public var subscriptionId: String?
    public var customerId: String?

    public init(
        checkoutSessionId: String? = nil,
        paymentIntentId: String? = nil,
        chargeId: String? = nil,
        invoiceId: String? = nil,
        subscriptionId: String? = nil,
        customerId: String? = nil
    ) {
        self.checkoutSessionId = checkoutSessionId
        self.paymentIntentId = paymentIntentId
        self.chargeId = chargeId
        self.invoiceId = invoiceId
        self.subscriptionId = subscriptionId
        self.customerId = customerId
    }

    /// Ids that belong to exactly one payment: session, payment intent, charge and invoice.
    ///
    /// Subscription and customer ids are left out because they span many payments.
    public var paymentSpecificIds: [String] {
        [checkoutSessionId, paymentIntentId, chargeId, invoiceId].compactMap { $0 }
    }

    /// Every id that is set.
    public var allIds: [String] {
        paymentSpecificIds + [subscriptionId, customerId].compactMap { $0 }
    }

    /// True when both name the same session, payment intent, charge or invoice.
    public func sharesPaymentSpecificId(with other: PaymentReferences) -> Bool {
        Self.same(checkoutSessionId, other.checkoutSessionId)
            || Self.same(paymentIntentId, other.paymentIntentId)
            || Self.same(chargeId, other.chargeId)
            || Self.same(invoiceId, other.invoiceId)
    }

    /// True when some id is set on both sides with different values, which means the two
    /// cannot be the same payment.
    public func conflicts(with other: PaymentReferences) -> Bool {
        Self.differ(checkoutSessionId, other.checkoutSessionId)
            || Self.differ(paymentIntentId, other.paymentIntentId)
            || Self.differ(chargeId, other.chargeId)
            || Self.differ(invoiceId, other.invoiceId)
            || Self.differ(subscriptionId, other.subscriptionId)
            || Self.differ(customerId, other.customerId)
    }

    /// These references with every missing id taken from `other`.
    public func filling(from other: PaymentReferences) -> PaymentReferences {
        PaymentReferences(
            checkoutSessionId: checkoutSessionId ?? other.checkoutSessionId,
            paymentIntentId: paymentIntentId ?? other.paymentIntentId,
            chargeId: chargeId ?? other.chargeId,
            invoiceId: invoiceId ?? other.invoiceId,
            subscriptionId: subscriptionId ?? other.subscriptionId,
            customerId: customerId ?? other.customerId
        )
    }

    private static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs == rhs
    }

    private static func differ(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs != rhs
    }
}
