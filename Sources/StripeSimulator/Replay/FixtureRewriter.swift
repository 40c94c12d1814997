import AgentRefDomain

/// Turns a fixture's events into fresh ones for one replay on a simulated account.
///
/// Every Stripe id gets the same random suffix, so a fixture can be replayed again without
/// the server taking its events for duplicates, while an event delivered twice in the
/// fixture still shares one id. Timestamps move by one offset so the last event happens
/// now and the time between events stays as written. The fixture's account becomes the
/// simulated one, and `{{click:NAME}}` becomes the click's id.
struct FixtureRewriter {
    /// Members whose string value is a Stripe id (`id`) or names another object.
    static let idKeys: Set<String> = [
        "id", "payment_intent", "charge", "invoice", "subscription", "customer", "latest_charge",
        "latest_invoice", "payment_method", "balance_transaction", "subscription_item", "product", "price",
    ]
    /// Members whose value is a Unix timestamp.
    static let timeKeys: Set<String> = [
        "created", "period_start", "period_end", "current_period_start", "current_period_end", "start_date",
        "billing_cycle_anchor", "canceled_at", "ended_at", "cancel_at", "trial_start", "trial_end", "expires_at",
        "start", "end", "paid_at", "finalized_at", "webhooks_delivered_at",
    ]

    let fixtureAccount: String
    let account: String
    let cids: [String: String]
    /// Old id → new id, for every id found in the fixture.
    private(set) var ids: [String: String] = [:]
    /// Seconds added to every timestamp.
    private(set) var timeOffset: Int64 = 0

    /// Prepares the rewriting of `fixture` for `account`.
    ///
    /// - Parameters:
    ///   - suffix: Appended to every id; random per replay.
    ///   - now: Unix seconds the last event is moved to.
    init(fixture: AttributionFixture, account: String, cids: [String: String], suffix: String, now: Int64) {
        self.fixtureAccount = fixture.account
        self.account = account
        self.cids = cids

        var found: Set<String> = []
        var latest: Int64?
        for step in fixture.steps {
            guard case .event(let event, _, _) = step else { continue }
            Self.collectIDs(in: event, key: nil, into: &found)
            if let created = event["created"]?.int64Value {
                latest = max(latest ?? created, created)
            }
        }
        for customer in fixture.customers {
            Self.collectIDs(in: customer, key: nil, into: &found)
        }
        ids = Dictionary(uniqueKeysWithValues: found.map { ($0, $0 + suffix) })
        timeOffset = latest.map { now - $0 } ?? 0
    }

    /// Returns `value` rewritten for the replay.
    ///
    /// - Throws: `FixtureError` for a `{{click:NAME}}` without a click id.
    func rewrite(_ value: JSONValue) throws -> JSONValue {
        try ClickPlaceholders.substitute(in: rewrite(value, key: nil), cids: cids)
    }

    private func rewrite(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(rewrite(text, key: key))
        case .number:
            guard let key, Self.timeKeys.contains(key), let seconds = value.int64Value else { return value }
            return .integer(seconds + timeOffset)
        case .array(let items):
            return .array(items.map { rewrite($0, key: key) })
        case .object(let members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, rewrite($0.value, key: $0.key)) }))
        case .null, .bool:
            return value
        }
    }

    private func rewrite(_ text: String, key: String?) -> String {
        if key == "account", text == fixtureAccount { return account }
        if let replacement = ids[text] { return replacement }
        guard text.contains("/") else { return text }

        // URLs such as /v1/charges/ch_…/refunds name objects inside a longer string.
        var rewritten = text
        for (old, new) in ids.sorted(by: { $0.key.count > $1.key.count }) where rewritten.contains(old) {
            rewritten = rewritten.replacingOccurrences(of: old, with: new)
        }
        return rewritten
    }

    private static func collectIDs(in value: JSONValue, key: String?, into found: inout Set<String>) {
        switch value {
        case .string(let text):
            if let key, idKeys.contains(key), isStripeID(text) { found.insert(text) }
        case .array(let items):
            items.forEach { collectIDs(in: $0, key: key, into: &found) }
        case .object(let members):
            members.forEach { collectIDs(in: $0.value, key: $0.key, into: &found) }
        case .null, .bool, .number:
            break
        }
    }

    /// True for `prefix_rest` ids such as `ch_3Q…`, but not account or application ids,
    /// which name the merchant and the platform rather than objects of the fixture.
    static func isStripeID(_ text: String) -> Bool {
        guard let separator = text.firstIndex(of: "_"), separator != text.startIndex else { return false }
        guard !text.hasPrefix("acct_"), !text.hasPrefix("ca_") else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
