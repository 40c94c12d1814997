import AgentRefDomain

/// A Stripe object a scenario created (customer, charge, subscription, …), kept so later
/// scenarios such as refunds and renewals can find it.
struct StoredObject: Codable, Hashable, Sendable {
    var account: String
    /// Creation order across all objects, so "the most recent charge" is well defined even
    /// when several share one `created` second.
    var sequence: Int
    /// The object in Stripe's JSON shape, with `id` and `object` members.
    var object: JSONValue

    var id: String { object["id"]?.stringValue ?? "" }
    var kind: String { object["object"]?.stringValue ?? "" }
}
