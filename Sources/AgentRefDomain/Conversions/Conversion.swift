import Foundation

/// One attributed payment and the commission it earned, with the fields of AgentRef's
/// v1 `Conversion`.
///
/// `amount` and `commission` are integers in the currency's minor unit; `commission` is
/// the current value after any refund reversal. The fields after `createdAt` are
/// extensions of this project's server and are nil against the hosted service.
public struct Conversion: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var affiliateId: String
    public var programId: String
    public var amount: Int64
    public var commission: Int64
    public var status: ConversionStatus
    /// `cookie`, `coupon` or `metadata`; kept as text so new methods decode.
    public var method: String
    public var stripeSessionId: String?
    public var createdAt: Date

    // Extensions of this project's server.

    public var currency: CurrencyCode?
    /// Total refunded so far, in minor units.
    public var amountRefunded: Int64?
    /// Commission taken back by refunds so far, in minor units.
    public var commissionReversed: Int64?
    /// Commission before any reversal, in minor units.
    public var commissionEarned: Int64?
    public var affiliateCode: String?
    public var programName: String?
    /// Type of the Stripe event that created the conversion, such as `checkout.session.completed`.
    public var stripeEventType: String?
    public var stripeEventId: String?
    public var stripePaymentIntentId: String?
    public var stripeChargeId: String?
    public var stripeInvoiceId: String?
    public var stripeSubscriptionId: String?
    public var stripeCustomerId: String?
    /// Time of the last change (creation or refund).
    public var updatedAt: Date?

    public init(
        id: String,
        affiliateId: String,
        programId: String,
        amount: Int64,
        commission: Int64,
        status: ConversionStatus = .pending,
        method: String = AttributionMethod.cookie.rawValue,
        stripeSessionId: String? = nil,
        createdAt: Date,
        currency: CurrencyCode? = nil
    ) {
        self.id = id
        self.affiliateId = affiliateId
        self.programId = programId
        self.amount = amount
        self.commission = commission
        self.status = status
        self.method = method
        self.stripeSessionId = stripeSessionId
        self.createdAt = createdAt
        self.currency = currency
    }

    /// The payment amount as money, or nil when the server did not send a currency.
    public var amountMoney: Money? {
        currency.map { Money(minorUnits: amount, currency: $0) }
    }

    public var commissionMoney: Money? {
        currency.map { Money(minorUnits: commission, currency: $0) }
    }

    /// True when at least part of the payment was refunded.
    public var isReversal: Bool {
        status == .partiallyRefunded || status == .refunded || (amountRefunded ?? 0) > 0
    }
}
