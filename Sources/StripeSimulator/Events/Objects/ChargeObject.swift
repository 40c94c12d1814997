import AgentRefDomain

/// Stripe `charge` objects of captured card payments, and their refunds.
enum ChargeObject {
    static func make(
        id: String, amount: Int64, currency: String, customer: String?, email: String, name: String,
        invoice: String?, paymentIntent: String, paymentMethod: String, description: String?,
        metadata: [String: String], created: Int64
    ) -> JSONValue {
        .object([
            "id": .string(id),
            "object": .string("charge"),
            "amount": .integer(amount),
            "amount_captured": .integer(amount),
            "amount_refunded": .integer(0),
            "balance_transaction": .string(StripeIdentifier.make("txn_")),
            "billing_details": .object(["email": .string(email), "name": .string(name)]),
            "captured": .bool(true),
            "created": .integer(created),
            "currency": .string(currency),
            "customer": .optional(customer),
            "description": .optional(description),
            "invoice": .optional(invoice),
            "livemode": .bool(false),
            "metadata": .metadata(metadata),
            "paid": .bool(true),
            "payment_intent": .string(paymentIntent),
            "payment_method": .string(paymentMethod),
            "receipt_email": .string(email),
            "refunded": .bool(false),
            "refunds": .list(url: "/v1/charges/\(id)/refunds", data: []),
            "status": .string("succeeded"),
        ])
    }

    /// Builds a `refund` object of `amount` against `charge`.
    static func makeRefund(amount: Int64, of charge: JSONValue, created: Int64) -> JSONValue {
        .object([
            "id": .string(StripeIdentifier.make("re_")),
            "object": .string("refund"),
            "amount": .integer(amount),
            "balance_transaction": .string(StripeIdentifier.make("txn_")),
            "charge": charge["id"] ?? .null,
            "created": .integer(created),
            "currency": charge["currency"] ?? .null,
            "metadata": .metadata([:]),
            "payment_intent": charge["payment_intent"] ?? .null,
            "reason": .string("requested_by_customer"),
            "status": .string("succeeded"),
        ])
    }

    /// `charge` after `refund`: `amount_refunded` grows, `refunded` turns true once all of
    /// the amount is refunded, and the refund heads the `refunds` list (newest first).
    static func applying(refund: JSONValue, to charge: JSONValue) -> JSONValue {
        let amount = charge["amount"]?.int64Value ?? 0
        let refundedBefore = charge["amount_refunded"]?.int64Value ?? 0
        let refundedAfter = refundedBefore + (refund["amount"]?.int64Value ?? 0)
        let earlier = charge.value(at: "refunds.data")?.arrayValue ?? []
        let chargeID = charge["id"]?.stringValue ?? ""

        return charge
            .setting("amount_refunded", to: .integer(refundedAfter))
            .setting("refunded", to: .bool(refundedAfter >= amount))
            .setting("refunds", to: .list(url: "/v1/charges/\(chargeID)/refunds", data: [refund] + earlier))
    }
}
