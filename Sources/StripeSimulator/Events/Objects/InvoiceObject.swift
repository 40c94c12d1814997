import AgentRefDomain

/// Stripe `invoice` objects of paid subscription invoices.
enum InvoiceObject {
    /// The contents of one paid subscription invoice.
    struct Billing {
        var id: String
        /// `subscription_create` or `subscription_cycle`.
        var billingReason: String
        var subscription: JSONValue
        var charge: String
        var paymentIntent: String
        var customerEmail: String
        /// The invoice's own period; Stripe sets both ends to the creation time for the
        /// first invoice and to the period just ended for renewals.
        var periodStart: Int64
        var periodEnd: Int64
        /// The period the line item pays for.
        var servicePeriodStart: Int64
        var servicePeriodEnd: Int64
        var created: Int64
    }

    static func make(_ billing: Billing) -> JSONValue {
        let subscription = billing.subscription
        let item = SubscriptionObject.firstItem(of: subscription)
        let price = item?["price"] ?? .null
        let amount = price["unit_amount"]?.int64Value ?? 0
        let currency = price["currency"] ?? .null
        let line: JSONValue = .object([
            "id": .string(StripeIdentifier.make("il_")),
            "object": .string("line_item"),
            "amount": .integer(amount),
            "currency": currency,
            "description": .string("1 × \(price["nickname"]?.stringValue ?? "Plan")"),
            "livemode": .bool(false),
            "metadata": .metadata([:]),
            "period": .object([
                "start": .integer(billing.servicePeriodStart),
                "end": .integer(billing.servicePeriodEnd),
            ]),
            "price": price,
            "proration": .bool(false),
            "quantity": .integer(1),
            "subscription": subscription["id"] ?? .null,
            "subscription_item": item?["id"] ?? .null,
            "type": .string("subscription"),
        ])

        return .object([
            "id": .string(billing.id),
            "object": .string("invoice"),
            "amount_due": .integer(amount),
            "amount_paid": .integer(amount),
            "amount_remaining": .integer(0),
            "attempt_count": .integer(1),
            "attempted": .bool(true),
            "billing_reason": .string(billing.billingReason),
            "charge": .string(billing.charge),
            "collection_method": .string("charge_automatically"),
            "created": .integer(billing.created),
            "currency": currency,
            "customer": subscription["customer"] ?? .null,
            "customer_email": .string(billing.customerEmail),
            "lines": .list(url: "/v1/invoices/\(billing.id)/lines", data: [line]),
            "livemode": .bool(false),
            "metadata": .metadata([:]),
            "paid": .bool(true),
            "payment_intent": .string(billing.paymentIntent),
            "period_end": .integer(billing.periodEnd),
            "period_start": .integer(billing.periodStart),
            "status": .string("paid"),
            "subscription": subscription["id"] ?? .null,
            "subscription_details": .object(["metadata": subscription["metadata"] ?? .metadata([:])]),
            "subtotal": .integer(amount),
            "tax": .null,
            "total": .integer(amount),
        ])
    }
}
