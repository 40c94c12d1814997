import AgentRefDomain

/// Stripe `payment_intent` objects of successful card payments.
enum PaymentIntentObject {
    static func make(
        id: String, amount: Int64, currency: String, customer: String?, invoice: String?,
        latestCharge: String, paymentMethod: String, description: String?, metadata: [String: String], created: Int64
    ) -> JSONValue {
        .object([
            "id": .string(id),
            "object": .string("payment_intent"),
            "amount": .integer(amount),
            "amount_capturable": .integer(0),
            "amount_received": .integer(amount),
            "capture_method": .string("automatic"),
            "created": .integer(created),
            "currency": .string(currency),
            "customer": .optional(customer),
            "description": .optional(description),
            "invoice": .optional(invoice),
            "latest_charge": .string(latestCharge),
            "livemode": .bool(false),
            "metadata": .metadata(metadata),
            "payment_method": .string(paymentMethod),
            "payment_method_types": .array([.string("card")]),
            "status": .string("succeeded"),
        ])
    }
}
