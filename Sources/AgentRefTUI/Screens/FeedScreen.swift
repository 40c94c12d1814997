import AgentRefClient
import AgentRefDomain
import Foundation

/// The live conversion feed: newest first, refunds as reversals, totals per currency.
enum FeedScreen {
    static func columns(_ state: AppState) -> [TableColumn<ConversionFeedEntry>] {
        let zone = state.timeZone
        return [
            TableColumn("Time", minWidth: 8, maxWidth: 8) { TableCell(TimeText.clock($0.occurredAt, in: zone)) },
            TableColumn("Program", minWidth: 10, maxWidth: 28, flex: 2, shownFromWidth: 72) { entry in
                TableCell(FeedRowText.program(entry, state: state))
            },
            TableColumn("Affiliate", minWidth: 9, maxWidth: 20, flex: 1) { TableCell(FeedRowText.affiliate($0)) },
            TableColumn("Event", minWidth: 10, maxWidth: 28) { TableCell(FeedRowText.event($0)) },
            TableColumn("Amount", alignment: .right, minWidth: 10, flex: 1) { TableCell.amount(FeedRowText.amount($0)) },
            TableColumn("Commission", alignment: .right, minWidth: 10, flex: 1) { entry in
                TableCell.amount(FeedRowText.commission(entry), role: entry.type == .refunded ? .danger : nil)
            },
        ]
    }

    static func crumbs(_ state: AppState) -> [String] {
        let scope = state.feed?.programID.map { state.programName($0) } ?? "all programs"
        return ["AgentRef", "Live feed", scope]
    }

    static func render(_ state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        guard let feed = state.feed else { return }

        let layout = ListScreenLayout.feed(state)
        renderInfo(feed, now: state.now, in: layout.info, theme: theme, into: &buffer)
        if let filterRect = layout.filter {
            FilterBar.render(feed.filter, matches: feed.visibleEntries.count, of: feed.entries.count, in: filterRect,
                             theme: theme, into: &buffer, usage: FeedFilter.usage)
        }

        let rows = feed.visibleEntries
        var table = TableView(columns: columns(state), rows: rows, selection: feed.selection)
        table.rowRole = { $0.type == .refunded ? .reversal : nil }
        table.render(header: layout.tableHeader, body: layout.tableRows, theme: theme, into: &buffer)
        if rows.isEmpty {
            let text = feed.entries.isEmpty ? "No conversions yet. New ones appear here as they happen."
                : "No entry matches the filter. Esc clears it."
            buffer.write(text, x: layout.tableRows.x + 2, y: layout.tableRows.y, maxWidth: layout.tableRows.width - 2,
                         style: theme[.muted])
        }
        buffer.write(summary(feed, state: state), x: layout.summary.x + 1, y: layout.summary.y,
                     maxWidth: layout.summary.width - 1, style: theme[.muted])
    }

    /// Three rows: pause state and feed connection, then net revenue and net commission
    /// per currency of the entries in this feed. The rate sparkline goes to the right of
    /// the totals when they leave room, else to the right of the first row, else nowhere.
    private static func renderInfo(_ feed: FeedState, now: Date, in rect: Rect, theme: Theme,
                                   into buffer: inout CellBuffer) {
        guard rect.height >= 3 else { return }

        let rate = rateLines(feed, now: now)
        let rateWidth = rate.map { DisplayWidth.of($0) }.max() ?? 0
        let labels = totalsLabels(entryCount: feed.entries.count)
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let amountsWidth = max(DisplayWidth.of(feed.revenue.description), DisplayWidth.of(feed.commission.description))
        let rateX = rect.maxX - 1 - rateWidth
        let rateBesideTotals = rect.x + 1 + labelWidth + amountsWidth + 3 <= rateX

        let stateEnd = renderState(feed, now: now, in: rect.row(0), theme: theme, into: &buffer)
        let amountWidth = max(0, rect.width - 1 - labelWidth)
        for (offset, (label, totals)) in zip(labels, [feed.revenue, feed.commission]).enumerated() {
            let amounts = TableCell.totals(totals).fitted(width: amountWidth, alignment: .left)
            let line = TextLayout.fit(label, width: labelWidth, alignment: .left) + amounts
            buffer.write(line, x: rect.x + 1, y: rect.y + 1 + offset, maxWidth: rect.width - 1, style: theme[.base])
        }

        if rateBesideTotals {
            buffer.write(rate[0], x: rateX, y: rect.y + 1, style: theme[.accent])
            buffer.write(rate[1], x: rateX, y: rect.y + 2, style: theme[.muted])
        } else if stateEnd + 3 <= rect.maxX - 1 - DisplayWidth.of(rate[0]) {
            buffer.write(rate[0], x: rect.maxX - 1 - DisplayWidth.of(rate[0]), y: rect.y, style: theme[.accent])
        }
    }

    /// Draws the pause state and the feed's connection on `row`.
    ///
    /// - Returns: The column after the text.
    private static func renderState(_ feed: FeedState, now: Date, in row: Rect, theme: Theme,
                                    into buffer: inout CellBuffer) -> Int {
        var x = row.x + 1
        if feed.isPaused {
            let paused = "⏸ PAUSED · \(feed.held.count) new · p resumes   "
            x += buffer.write(paused, x: x, y: row.y, maxWidth: row.maxX - x, style: theme[.warning])
        }
        let connection = StatusLine.feedSegment(feed, now: now)
        var connectionText = connection.text
        switch feed.connection {
        case .disconnected(let message, _, _), .rejected(let message, _):
            connectionText += ": \(message)"
        default:
            break
        }
        x += buffer.write(TextLayout.truncate(connectionText, toWidth: row.maxX - x), x: x, y: row.y,
                          style: theme[connection.role ?? .base])
        return x
    }

    /// Returns the labels of the revenue and commission rows, padded by a space. They name
    /// the entries counted, because the totals cover only the entries this feed received
    /// (the most recent ones when it opened, then each new one), not every conversion.
    static func totalsLabels(entryCount: Int) -> [String] {
        guard entryCount > 0 else { return ["Net revenue: ", "Net commission: "] }
        let entries = entryCount == 1 ? "1 entry" : "\(entryCount) entries"
        return ["Net revenue (\(entries) in this feed): ", "Net commission (same entries): "]
    }

    /// Minutes the rate sparkline covers, one character each.
    static let rateMinutes = 15

    /// Two lines of equal width: a sparkline of conversions per minute with the count of
    /// the current minute, and what it covers with its peak.
    static func rateLines(_ feed: FeedState, now: Date) -> [String] {
        let counts = feed.conversionsPerMinute(endingAt: now, minutes: rateMinutes)
        let sparkline = Sparkline.text(counts) + " \(counts.last ?? 0)/min"
        let legend = "last \(rateMinutes) min · peak \(counts.max() ?? 0)"
        let width = max(DisplayWidth.of(sparkline), DisplayWidth.of(legend))
        return [
            TextLayout.fit(sparkline, width: width, alignment: .right),
            TextLayout.fit(legend, width: width, alignment: .right),
        ]
    }

    private static func summary(_ feed: FeedState, state: AppState) -> String {
        var parts = ["\(entriesText(feed, state: state)); totals and rate count only these, net of refunds"]
        if feed.selection.offset > 0 {
            parts.append("scrolled back \(feed.selection.offset) rows · g returns to the newest")
        }
        if feed.entries.count >= FeedState.maxEntries {
            parts.append("only the newest \(FeedState.maxEntries) are kept")
        }
        return parts.joined(separator: " · ")
    }

    /// For example `54 entries since 17:42:10`: the count and the time of the oldest entry,
    /// with its date when that is not today.
    private static func entriesText(_ feed: FeedState, state: AppState) -> String {
        let count = feed.entries.count == 1 ? "1 entry" : "\(feed.entries.count) entries"
        guard let oldest = feed.entries.map(\.occurredAt).min() else { return count }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.timeZone
        let time = calendar.isDate(oldest, inSameDayAs: state.now)
            ? TimeText.clock(oldest, in: state.timeZone) : TimeText.shortDateTime(oldest, in: state.timeZone)
        return "\(count) since \(time)"
    }
}
