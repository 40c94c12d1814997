import AgentRefClient
import AgentRefDomain
import Foundation

/// The live conversion feed: entries shown newest first, entries held while paused, and
/// running totals per currency.
struct FeedState: Equatable, Sendable {
    /// Identifies one opening of the feed, so updates from a feed that was closed are ignored.
    var generation: Int
    /// The program whose conversions are shown, or nil for every program.
    var programID: String?
    var connection: FeedConnectionState = .connecting
    /// When the client tries again after a disconnect or a rejection, for the countdown.
    var retryAt: Date?
    /// When the feed last delivered an entry or a connection change.
    var lastUpdateAt: Date?
    /// Entries on screen, newest first.
    private(set) var entries: [ConversionFeedEntry] = []
    /// Entries that arrived while paused, oldest first; shown on resume.
    private(set) var held: [ConversionFeedEntry] = []
    private(set) var isPaused = false
    /// Sequences seen, for dropping an entry delivered twice.
    private var seenSequences: Set<Int64> = []
    /// Every sequence at or below this was dropped from memory; a repeat of one is ignored.
    private var forgottenThrough: Int64 = 0
    /// Net payment amounts of the entries on screen (payments minus refunds), per currency.
    private(set) var revenue = MoneyTotals()
    /// Net commission of the entries on screen (earned minus reversed), per currency.
    private(set) var commission = MoneyTotals()
    var selection = ListSelection()
    var filter = FilterState()

    /// Entries kept on screen; older ones are dropped, along with their place in the totals.
    static let maxEntries = 1_000
    /// Recent entries requested when the feed opens.
    static let backlog = 50

    init(generation: Int, programID: String?) {
        self.generation = generation
        self.programID = programID
    }

    /// Adds an entry unless its sequence was seen before.
    ///
    /// - Parameter viewport: Rows of the feed table, to keep a scrolled-back view steady.
    /// - Returns: True when the entry was new.
    @discardableResult
    mutating func receive(_ entry: ConversionFeedEntry, viewport: Int) -> Bool {
        guard entry.sequence > forgottenThrough, seenSequences.insert(entry.sequence).inserted else { return false }

        if isPaused {
            held.append(entry)
        } else {
            show([entry], viewport: viewport)
        }
        return true
    }

    /// Pauses or resumes. Resuming shows every entry that arrived while paused.
    mutating func togglePause(viewport: Int) {
        if isPaused {
            isPaused = false
            let arrivals = held
            held = []
            show(arrivals, viewport: viewport)
        } else {
            isPaused = true
        }
    }

    /// Entries that pass the filter (see `FeedFilter`), newest first.
    var visibleEntries: [ConversionFeedEntry] {
        guard !filter.text.isEmpty else { return entries }
        let query = FeedFilter(text: filter.text)
        return entries.filter(query.matches)
    }

    /// Conversions created per minute over the last `minutes` minutes before `now`, oldest
    /// minute first, counted from every entry received (shown or held while paused) by
    /// the time it happened. The last count covers the minute up to `now`.
    func conversionsPerMinute(endingAt now: Date, minutes: Int) -> [Int] {
        var counts = Array(repeating: 0, count: max(0, minutes))
        for entry in entries + held where entry.type == .created {
            // An entry stamped up to a minute after `now` belongs to the current minute: the
            // dashboard keeps whole seconds, and the server's clock may run a little ahead.
            let age = now.timeIntervalSince(entry.occurredAt)
            guard age > -60 else { continue }
            let minutesAgo = Int(max(0, age) / 60)
            guard minutesAgo < counts.count else { continue }
            counts[counts.count - 1 - minutesAgo] += 1
        }
        return counts
    }

    /// Inserts `arrivals` (oldest first) at the top and updates the totals.
    private mutating func show(_ arrivals: [ConversionFeedEntry], viewport: Int) {
        guard !arrivals.isEmpty else { return }

        let ordered = arrivals.sorted { $0.sequence < $1.sequence }
        for entry in ordered {
            addToTotals(entry, sign: 1)
            entries.insert(entry, at: 0)
        }
        if selection.index > 0 || selection.offset > 0 {
            // Scrolled back: keep the same entries in view while new ones arrive above.
            selection.index += ordered.count
            selection.offset += ordered.count
        }
        trim()
        selection.clamp(count: visibleEntries.count, viewport: viewport)
    }

    private mutating func trim() {
        while entries.count > Self.maxEntries {
            let dropped = entries.removeLast()
            addToTotals(dropped, sign: -1)
            forgottenThrough = max(forgottenThrough, dropped.sequence)
        }
        seenSequences = seenSequences.filter { $0 > forgottenThrough }
    }

    private mutating func addToTotals(_ entry: ConversionFeedEntry, sign: Int64) {
        let change = FeedEntryChange(entry)
        if let amount = change.amount {
            revenue.add(Money(minorUnits: sign * amount.minorUnits, currency: amount.currency))
        }
        if let earned = change.commission {
            commission.add(Money(minorUnits: sign * earned.minorUnits, currency: earned.currency))
        }
    }
}
