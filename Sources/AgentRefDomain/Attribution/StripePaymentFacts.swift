/// Payment facts of one Stripe event: the ids it names, the amount, the currency and any
/// click ids, read from a checkout session, an invoice or a charge.
public struct StripePaymentFacts: Hashable, Sendable {
    public var source: PaymentSource
    /// Id of the object itself, such as `cs_test_…`, `in_…` or `ch_…`.
    public var objectId: String
    public var references: PaymentReferences
    public var kind: PaymentKind
    /// The invoice's `billing_reason`, such as `subscription_create` or `subscription_cycle`.
    public var billingReason: String?
    /// Amount the customer paid, tax included, in minor units: the session's `amount_total`,
    /// the invoice's `amount_paid` or the charge's `amount`.
    public var totalAmount: Int64?
    /// Tax included in `totalAmount`, when the object states it.
    public var taxAmount: Int64?
    public var currency: CurrencyCode?
    /// Click ids in the order they are trusted; see `ClickIDReader`.
    public var clickIDs: [ClickIDCandidate]
    /// False while the money has not moved, for example a session with `payment_status` `unpaid`.
    public var isPaid: Bool
    /// A charge's `amount_refunded`: all refunds so far, added up.
    public var amountRefunded: Int64?
    /// The object's `created`, in Unix seconds.
    public var created: Int64?

    public init(
        source: PaymentSource,
        objectId: String,
        references: PaymentReferences,
        kind: PaymentKind,
        billingReason: String? = nil,
        totalAmount: Int64?,
        taxAmount: Int64? = nil,
        currency: CurrencyCode?,
        clickIDs: [ClickIDCandidate] = [],
        isPaid: Bool = true,
        amountRefunded: Int64? = nil,
        created: Int64? = nil
    ) {
        self.source = source
        self.objectId = objectId
        self.references = references
        self.kind = kind
        self.billingReason = billingReason
        self.totalAmount = totalAmount
        self.taxAmount = taxAmount
        self.currency = currency
        self.clickIDs = clickIDs
        self.isPaid = isPaid
        self.amountRefunded = amountRefunded
        self.created = created
    }

    /// True when the customer's metadata is worth fetching for a click id: the event's
    /// objects carry none, they name a customer, and the payment is not one that another
    /// event attributes. A later payment of a subscription credits the subscription's
    /// affiliate, and a charge of an invoice leaves attribution to the invoice's event.
    public var needsCustomerClickID: Bool {
        guard clickIDs.isEmpty, references.customerId != nil else { return false }
        guard kind != .subscriptionRenewal else { return false }
        return !(source == .charge && references.invoiceId != nil)
    }

    /// Adds the click ids in a customer's metadata after the ones already found, because the
    /// customer is the least specific place a click id can be.
    public mutating func addClickIDs(fromCustomer customer: JSONValue) {
        for candidate in ClickIDReader.candidates(inCustomer: customer)
        where !clickIDs.contains(where: { $0.value == candidate.value }) {
            clickIDs.append(candidate)
        }
    }

    /// Reads the payment facts of an event's `data.object`.
    ///
    /// - Returns: nil when the object is not a checkout session, invoice or charge, or has no id.
    public init?(event: StripeEvent) {
        let object = event.data.object
        guard let id = object["id"]?.stringValue else { return nil }

        switch Self.objectType(of: object, eventType: event.type) {
        case "checkout.session": self = Self.checkoutSession(object, id: id)
        case "invoice": self = Self.invoice(object, id: id, eventType: event.type)
        case "charge": self = Self.charge(object, id: id)
        default: return nil
        }
    }

    /// Returns the object's `object` field, or the type implied by the event type when it is missing.
    private static func objectType(of object: JSONValue, eventType: String) -> String? {
        if let type = object["object"]?.stringValue { return type }
        if eventType.hasPrefix("checkout.session.") { return "checkout.session" }
        if eventType.hasPrefix("invoice.") { return "invoice" }
        if eventType.hasPrefix("charge.") { return "charge" }
        return nil
    }

    private static func checkoutSession(_ object: JSONValue, id: String) -> StripePaymentFacts {
        let references = PaymentReferences(
            checkoutSessionId: id,
            paymentIntentId: object["payment_intent"]?.stripeID,
            invoiceId: object["invoice"]?.stripeID,
            subscriptionId: object["subscription"]?.stripeID,
            customerId: object["customer"]?.stripeID
        )
        let kind: PaymentKind = switch object["mode"]?.stringValue {
        case "subscription": .subscriptionStart
        case "payment": .oneTime
        default: .unknown
        }
        let paymentStatus = object["payment_status"]?.stringValue

        return StripePaymentFacts(
            source: .checkoutSession,
            objectId: id,
            references: references,
            kind: kind,
            totalAmount: object["amount_total"]?.int64Value,
            taxAmount: object.value(at: "total_details.amount_tax")?.int64Value,
            currency: object["currency"]?.stringValue.flatMap(CurrencyCode.init),
            clickIDs: ClickIDReader.candidates(inCheckoutSession: object),
            isPaid: paymentStatus == nil || paymentStatus == "paid" || paymentStatus == "no_payment_required",
            created: object["created"]?.int64Value
        )
    }

    private static func invoice(_ object: JSONValue, id: String, eventType: String) -> StripePaymentFacts {
        let subscriptionId = object["subscription"]?.stripeID
            ?? object.value(at: "parent.subscription_details.subscription")?.stripeID
        let references = PaymentReferences(
            paymentIntentId: object["payment_intent"]?.stripeID,
            chargeId: object["charge"]?.stripeID,
            invoiceId: id,
            subscriptionId: subscriptionId,
            customerId: object["customer"]?.stripeID
        )
        let billingReason = object["billing_reason"]?.stringValue
        let kind: PaymentKind = if billingReason == "subscription_create" {
            .subscriptionStart
        } else if subscriptionId != nil {
            .subscriptionRenewal
        } else {
            .oneTime
        }

        return StripePaymentFacts(
            source: .invoice,
            objectId: id,
            references: references,
            kind: kind,
            billingReason: billingReason,
            totalAmount: object["amount_paid"]?.int64Value,
            taxAmount: invoiceTax(object),
            currency: object["currency"]?.stringValue.flatMap(CurrencyCode.init),
            clickIDs: ClickIDReader.candidates(inInvoice: object),
            isPaid: eventType == StripeEventType.invoicePaid.rawValue || object["status"]?.stringValue == "paid",
            created: object["created"]?.int64Value
        )
    }

    /// Returns the invoice's `tax`, or the sum of `total_taxes` in API versions that dropped `tax`.
    private static func invoiceTax(_ object: JSONValue) -> Int64? {
        if let tax = object["tax"]?.int64Value { return tax }
        guard let taxes = object["total_taxes"]?.arrayValue else { return nil }
        return taxes.compactMap { $0["amount"]?.int64Value }.reduce(0, +)
    }

    private static func charge(_ object: JSONValue, id: String) -> StripePaymentFacts {
        let references = PaymentReferences(
            paymentIntentId: object["payment_intent"]?.stripeID,
            chargeId: id,
            invoiceId: object["invoice"]?.stripeID,
            customerId: object["customer"]?.stripeID
        )
        let failed = object["paid"]?.boolValue == false || object["status"]?.stringValue == "failed"

        return StripePaymentFacts(
            source: .charge,
            objectId: id,
            references: references,
            kind: .unknown,
            totalAmount: object["amount"]?.int64Value,
            currency: object["currency"]?.stringValue.flatMap(CurrencyCode.init),
            clickIDs: ClickIDReader.candidates(inCharge: object),
            isPaid: !failed,
            amountRefunded: object["amount_refunded"]?.int64Value,
            created: object["created"]?.int64Value
        )
    }
}
