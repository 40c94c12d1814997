import AgentRefDomain

/// Stripe `checkout.session` objects of completed, paid sessions.
enum CheckoutSessionObject {
    /// The facts one completed session records.
    struct Completion {
        /// `payment` or `subscription`.
        var mode: String
        var amount: Int64
        var currency: String
        var customer: String
        var email: String
        var name: String
        var clientReferenceID: String?
        var metadata: [String: String]
        /// Set for mode `payment`; Stripe leaves it null for subscriptions.
        var paymentIntent: String?
        var subscription: String?
        var invoice: String?
        var merchantDomain: String
        var created: Int64
    }

    static func make(_ completion: Completion) -> JSONValue {
        .object([
            "id": .string(StripeIdentifier.make("cs_test_a1", length: 56)),
            "object": .string("checkout.session"),
            "amount_subtotal": .integer(completion.amount),
            "amount_total": .integer(completion.amount),
            "cancel_url": .string("https://\(completion.merchantDomain)/cart"),
            "client_reference_id": .optional(completion.clientReferenceID),
            "created": .integer(completion.created),
            "currency": .string(completion.currency),
            "customer": .string(completion.customer),
            "customer_details": .object([
                "email": .string(completion.email),
                "name": .string(completion.name),
                "phone": .null,
                "tax_exempt": .string("none"),
            ]),
            "expires_at": .integer(completion.created + 86_400),
            "invoice": .optional(completion.invoice),
            "livemode": .bool(false),
            "metadata": .metadata(completion.metadata),
            "mode": .string(completion.mode),
            "payment_intent": .optional(completion.paymentIntent),
            "payment_method_types": .array([.string("card")]),
            "payment_status": .string("paid"),
            "status": .string("complete"),
            "subscription": .optional(completion.subscription),
            "success_url": .string("https://\(completion.merchantDomain)/thanks"),
            "total_details": .object([
                "amount_discount": .integer(0),
                "amount_shipping": .integer(0),
                "amount_tax": .integer(0),
            ]),
            "url": .null,
        ])
    }
}
