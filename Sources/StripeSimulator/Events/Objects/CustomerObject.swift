import AgentRefDomain

/// Stripe `customer` objects.
enum CustomerObject {
    static func make(email: String, name: String, metadata: [String: String], created: Int64) -> JSONValue {
        .object([
            "id": .string(StripeIdentifier.make("cus_", length: 14)),
            "object": .string("customer"),
            "created": .integer(created),
            "description": .null,
            "email": .string(email),
            "livemode": .bool(false),
            "metadata": .metadata(metadata),
            "name": .string(name),
        ])
    }
}
