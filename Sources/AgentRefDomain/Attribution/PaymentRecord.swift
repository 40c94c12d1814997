import Foundation

/// The stored facts of one payment, merged from every Stripe event that reported it. A payment has at most one conversion.
public struct PaymentRecord: Hashable, Sendable {
    /// The server's id, `pay_` followed by hex digits.
    public var id: String
    public var programId: String
    public var references: PaymentReferences
    public var kind: PaymentKind
    public var billingReason: String?
    /// Amount the customer paid, tax included, in minor units, from the most precise object seen.
    public var totalAmount: Int64?
    /// Tax included in `totalAmount`, when that object stated it.
    public var taxAmount: Int64?
    /// The object `totalAmount` came from.
    public var amountSource: PaymentSource?
    /// The charge's `amount`, the base that refunds are measured against.
    public var chargeAmount: Int64?
    public var currency: CurrencyCode?
    public var isPaid: Bool
    /// All refunds so far, added up, in minor units (the charge's `amount_refunded`).
    public var amountRefunded: Int64
    /// The click id that credited `affiliateId`, when the payment was attributed by click.
    public var clickID: String?
    public var attributionMethod: AttributionMethod?
    /// The affiliate credited; nil while the payment is unattributed.
    public var affiliateId: String?
    public var conversionId: String?
    /// Kinds of objects already recorded, so a repeated object is recognized.
    public var seenSources: Set<PaymentSource>
    /// The earliest `created` of the objects seen, in Unix seconds.
    public var stripeCreatedAt: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String,
        programId: String,
        references: PaymentReferences = PaymentReferences(),
        kind: PaymentKind = .unknown,
        billingReason: String? = nil,
        totalAmount: Int64? = nil,
        taxAmount: Int64? = nil,
        amountSource: PaymentSource? = nil,
        chargeAmount: Int64? = nil,
        currency: CurrencyCode? = nil,
        isPaid: Bool = false,
        amountRefunded: Int64 = 0,
        clickID: String? = nil,
        attributionMethod: AttributionMethod? = nil,
        affiliateId: String? = nil,
        conversionId: String? = nil,
        seenSources: Set<PaymentSource> = [],
        stripeCreatedAt: Int64? = nil,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.programId = programId
        self.references = references
        self.kind = kind
        self.billingReason = billingReason
        self.totalAmount = totalAmount
        self.taxAmount = taxAmount
        self.amountSource = amountSource
        self.chargeAmount = chargeAmount
        self.currency = currency
        self.isPaid = isPaid
        self.amountRefunded = amountRefunded
        self.clickID = clickID
        self.attributionMethod = attributionMethod
        self.affiliateId = affiliateId
        self.conversionId = conversionId
        self.seenSources = seenSources
        self.stripeCreatedAt = stripeCreatedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The amount commission is computed on: the total minus tax, in minor units.
    public var netAmount: Int64? {
        totalAmount.map { $0 - (taxAmount ?? 0) }
    }

    /// The amount refunds are a share of: the charge's amount, else the total.
    public var refundBase: Int64? {
        chargeAmount ?? totalAmount
    }

    /// True when an object of the same kind and id as `facts` was already recorded.
    public func hasRecorded(_ facts: StripePaymentFacts) -> Bool {
        guard seenSources.contains(facts.source) else { return false }
        switch facts.source {
        case .checkoutSession: return references.checkoutSessionId == facts.objectId
        case .invoice: return references.invoiceId == facts.objectId
        case .charge: return references.chargeId == facts.objectId
        }
    }

    /// This record with the facts of one more event added.
    ///
    /// Missing ids are filled in, the amount is taken from the most precise object (a
    /// session or invoice over a charge), refunds keep their largest total because Stripe
    /// reports them cumulatively and events may arrive out of order.
    public func merging(_ facts: StripePaymentFacts, at now: Date) -> PaymentRecord {
        var merged = self
        merged.references = references.filling(from: facts.references)
        merged.kind = kind.refined(by: facts.kind)
        merged.billingReason = billingReason ?? facts.billingReason
        merged.currency = currency ?? facts.currency
        merged.isPaid = isPaid || facts.isPaid
        merged.amountRefunded = max(amountRefunded, facts.amountRefunded ?? 0)
        merged.seenSources.insert(facts.source)
        merged.stripeCreatedAt = Self.earliest(stripeCreatedAt, facts.created)
        merged.updatedAt = now

        if facts.source == .charge, let amount = facts.totalAmount {
            merged.chargeAmount = amount
        }
        if let amount = facts.totalAmount, facts.source.amountPrecedence > (amountSource?.amountPrecedence ?? 0) {
            merged.totalAmount = amount
            merged.taxAmount = facts.taxAmount
            merged.amountSource = facts.source
        }
        return merged
    }

    /// This record with another record of the same payment folded in, for two records that
    /// were stored apart because no shared id was known when the second one arrived.
    public func absorbing(_ other: PaymentRecord, at now: Date) -> PaymentRecord {
        var merged = self
        merged.references = references.filling(from: other.references)
        merged.kind = kind.refined(by: other.kind)
        merged.billingReason = billingReason ?? other.billingReason
        merged.currency = currency ?? other.currency
        merged.chargeAmount = chargeAmount ?? other.chargeAmount
        merged.isPaid = isPaid || other.isPaid
        merged.amountRefunded = max(amountRefunded, other.amountRefunded)
        merged.seenSources.formUnion(other.seenSources)
        merged.stripeCreatedAt = Self.earliest(stripeCreatedAt, other.stripeCreatedAt)
        merged.createdAt = min(createdAt, other.createdAt)
        merged.updatedAt = now

        if merged.affiliateId == nil {
            merged.affiliateId = other.affiliateId
            merged.clickID = other.clickID
            merged.attributionMethod = other.attributionMethod
        }
        merged.conversionId = conversionId ?? other.conversionId
        if (other.amountSource?.amountPrecedence ?? 0) > (amountSource?.amountPrecedence ?? 0) {
            merged.totalAmount = other.totalAmount
            merged.taxAmount = other.taxAmount
            merged.amountSource = other.amountSource
        }
        return merged
    }

    private static func earliest(_ lhs: Int64?, _ rhs: Int64?) -> Int64? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return min(lhs, rhs)
    }
}
