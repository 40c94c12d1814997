import AgentRefDomain
import Foundation

/// Finds what changed between polls of `GET /conversions` (newest first), for servers
/// without a feed of their own, and describes each change as a feed entry.
///
/// A conversion not seen before is `conversion.created`, unless it is older than everything
/// the previous poll returned, which means it only slid into the window. A known
/// conversion is `conversion.refunded` when its commission fell, its refunded amount grew
/// or its status became refunded or partially refunded. Any other change of status, amount
/// or commission is `conversion.updated`. Sequence numbers are local to this detector.
struct ConversionChangeDetector: Sendable {
    private var known: [String: Conversion] = [:]
    private var oldestKnownCreatedAt: Date?
    private var nextSequence: Int64

    /// - Parameter firstSequence: Sequence of the first entry reported.
    init(firstSequence: Int64 = 1) {
        nextSequence = firstSequence
    }

    /// Records the first poll without reporting changes, and returns the newest `backlog`
    /// conversions as `created` entries, oldest first.
    mutating func recordInitial(_ window: [Conversion], backlog: Int) -> [ConversionFeedEntry] {
        remember(window)
        oldestKnownCreatedAt = window.map(\.createdAt).min() ?? Date.distantPast

        let newestFirst = window.sorted { $0.createdAt > $1.createdAt }
        return newestFirst.prefix(max(0, backlog)).reversed().map { conversion in
            makeEntry(.created, conversion, occurredAt: conversion.createdAt)
        }
    }

    /// Compares a later poll with what is known and returns the changes, oldest first.
    ///
    /// - Parameter now: Time given to refunds and updates when the conversion has no `updatedAt`.
    mutating func changes(in window: [Conversion], now: Date) -> [ConversionFeedEntry] {
        var entries: [ConversionFeedEntry] = []

        for conversion in window.sorted(by: { $0.createdAt < $1.createdAt }) {
            if let previous = known[conversion.id] {
                if let entry = change(from: previous, to: conversion, now: now) { entries.append(entry) }
            } else if isNew(conversion) {
                entries.append(makeEntry(.created, conversion, occurredAt: conversion.createdAt))
            }
        }

        remember(window)
        return entries
    }

    /// True when `id` is already known, so an older page need not be read.
    func contains(_ id: String) -> Bool {
        known[id] != nil
    }

    private func isNew(_ conversion: Conversion) -> Bool {
        guard let oldestKnownCreatedAt else { return true }
        return conversion.createdAt >= oldestKnownCreatedAt
    }

    private mutating func change(from previous: Conversion, to current: Conversion, now: Date) -> ConversionFeedEntry? {
        let occurredAt = current.updatedAt ?? now
        let reversal = previous.commission - current.commission
        let refunded = (current.amountRefunded ?? 0) - (previous.amountRefunded ?? 0)
        let becameRefunded = current.isReversal && current.status != previous.status

        if reversal > 0 || refunded > 0 || becameRefunded {
            var entry = makeEntry(.refunded, current, occurredAt: occurredAt)
            entry.commissionReversal = max(0, reversal)
            entry.refundAmount = refunded > 0 ? refunded : nil
            return entry
        }

        let changed = previous.status != current.status
            || previous.amount != current.amount
            || previous.commission != current.commission
        return changed ? makeEntry(.updated, current, occurredAt: occurredAt) : nil
    }

    private mutating func makeEntry(_ type: FeedEntryType, _ conversion: Conversion, occurredAt: Date)
        -> ConversionFeedEntry {
        defer { nextSequence += 1 }
        return ConversionFeedEntry(sequence: nextSequence, type: type, occurredAt: occurredAt, conversion: conversion)
    }

    /// Keeps the latest state of every conversion in `window`, and drops the oldest ones
    /// beyond 5,000 so a long session does not grow without limit.
    private mutating func remember(_ window: [Conversion]) {
        for conversion in window { known[conversion.id] = conversion }

        let bound = 5000
        guard known.count > bound else { return }
        let kept = known.values.sorted { $0.createdAt > $1.createdAt }.prefix(bound)
        known = Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0) })
        oldestKnownCreatedAt = kept.last?.createdAt ?? oldestKnownCreatedAt
    }
}
