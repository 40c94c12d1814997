import Foundation

/// Decides which stored payments record the same money as a new event, so that one
/// payment yields one conversion whatever order and however often its events arrive.
///
/// Two records are the same payment when they share a session, payment intent, charge or
/// invoice id, or when both are the first payment of the same subscription. A subscription
/// charge can arrive before the invoice that names it, so without such an id a record of
/// the same customer matches when nothing contradicts it. That means no id differs, the
/// amount, currency and kind agree, it has no object of the new event's kind yet, and it
/// was created within `customerMatchWindow` seconds.
public enum PaymentMatcher {
    /// Largest distance between the objects' `created` times for a match by customer alone.
    public static let customerMatchWindow: Int64 = 86_400

    /// The outcome of matching: the record to update, and others to fold into it.
    public struct Match: Hashable, Sendable {
        /// The record that keeps its id, or nil when the payment is new.
        public var primary: PaymentRecord?
        /// Records of the same payment to merge into `primary` and then delete.
        public var absorbed: [PaymentRecord]
    }

    /// Picks the records among `candidates` that describe the same payment as `facts`.
    ///
    /// - Parameter candidates: Stored payments of the program that share any id with
    ///   `facts`, including only the customer id; others are ignored anyway.
    public static func match(_ facts: StripePaymentFacts, among candidates: [PaymentRecord]) -> Match {
        var matched = candidates.filter { isSamePaymentById(facts, $0) }
        if matched.isEmpty, let byCustomer = bestCustomerMatch(facts, among: candidates) {
            matched = [byCustomer]
        }
        let ordered = matched.sorted(by: isPreferredPrimary)
        guard let primary = ordered.first else { return Match(primary: nil, absorbed: []) }

        // A record with its own, different conversion stays separate: merging would
        // silently drop a conversion that clients have already seen.
        let absorbed = ordered.dropFirst().filter { $0.conversionId == nil || $0.conversionId == primary.conversionId }
        return Match(primary: primary, absorbed: Array(absorbed))
    }

    static func isSamePaymentById(_ facts: StripePaymentFacts, _ record: PaymentRecord) -> Bool {
        if facts.references.sharesPaymentSpecificId(with: record.references) { return true }

        guard facts.kind == .subscriptionStart, record.kind == .subscriptionStart else { return false }
        guard let subscription = facts.references.subscriptionId else { return false }
        return record.references.subscriptionId == subscription
    }

    static func bestCustomerMatch(_ facts: StripePaymentFacts, among candidates: [PaymentRecord]) -> PaymentRecord? {
        guard facts.references.customerId != nil else { return nil }
        return candidates
            .filter { isCompatibleByCustomer(facts, $0) }
            .max { ($0.stripeCreatedAt ?? 0, $0.createdAt) < ($1.stripeCreatedAt ?? 0, $1.createdAt) }
    }

    static func isCompatibleByCustomer(_ facts: StripePaymentFacts, _ record: PaymentRecord) -> Bool {
        guard record.references.customerId == facts.references.customerId else { return false }
        guard !record.references.conflicts(with: facts.references) else { return false }
        guard !record.seenSources.contains(facts.source) else { return false }
        guard record.kind.isCompatible(with: facts.kind) else { return false }
        guard agree(record.currency, facts.currency) else { return false }
        guard agree(record.refundBase, facts.totalAmount) else { return false }

        if let recorded = record.stripeCreatedAt, let created = facts.created {
            return abs(recorded - created) <= customerMatchWindow
        }
        return true
    }

    /// Records with a conversion first, then the oldest.
    private static func isPreferredPrimary(_ lhs: PaymentRecord, _ rhs: PaymentRecord) -> Bool {
        if (lhs.conversionId != nil) != (rhs.conversionId != nil) { return lhs.conversionId != nil }
        return lhs.createdAt < rhs.createdAt
    }

    private static func agree<Value: Equatable>(_ lhs: Value?, _ rhs: Value?) -> Bool {
        guard let lhs, let rhs else { return true }
        return lhs == rhs
    }
}

extension PaymentMatcher.Match {
    /// Folds `absorbed` and `facts` into the primary record, or into a new record with
    /// `newID` when nothing matched.
    public func mergedPayment(
        with facts: StripePaymentFacts,
        programId: String,
        newID: String,
        at now: Date
    ) -> PaymentRecord {
        var payment = primary ?? PaymentRecord(id: newID, programId: programId, createdAt: now, updatedAt: now)
        for other in absorbed {
            payment = payment.absorbing(other, at: now)
        }
        return payment.merging(facts, at: now)
    }

    /// True when one of the matched records already contains this very object.
    public func hasRecorded(_ facts: StripePaymentFacts) -> Bool {
        ([primary].compactMap { $0 } + absorbed).contains { $0.hasRecorded(facts) }
    }
}
