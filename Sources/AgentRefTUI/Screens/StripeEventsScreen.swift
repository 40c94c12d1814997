import AgentRefClient
import AgentRefDomain
import Foundation

/// The Stripe events log of one program: every event the server received with its
/// outcome, the deliveries rejected for their signature, and what to check when events or
/// conversions do not appear.
enum StripeEventsScreen {
    static func columns(_ state: AppState) -> [TableColumn<StripeEventRecord>] {
        let zone = state.timeZone
        return [
            TableColumn("Received", minWidth: 8, maxWidth: 14) { event in
                TableCell(TimeText.shortDateTime(event.receivedAt, in: zone))
            },
            TableColumn("Outcome", minWidth: 12, maxWidth: 22) { event in
                TableCell(StripeEventOutcomeText.text(event.outcome), role: StripeEventOutcomeText.role(event.outcome))
            },
            TableColumn("Type", minWidth: 12, maxWidth: 34) { TableCell($0.type) },
            TableColumn("Event id", minWidth: 10, maxWidth: 30, shownFromWidth: 96) { event in
                TableCell(event.eventId, role: .muted)
            },
            TableColumn("Detail", minWidth: 10, flex: 1, shownFromWidth: 64) { TableCell($0.detail ?? "") },
        ]
    }

    static func crumbs(_ state: AppState, programID: String) -> [String] {
        ["AgentRef", state.programName(programID), "Stripe events"]
    }

    static func render(_ state: AppState, programID: String, theme: Theme, into buffer: inout CellBuffer) {
        let layout = ListScreenLayout.stripeEvents(state)
        let log = state.eventLogs[programID] ?? StripeEventsState(programID: programID)
        renderInfo(log, in: layout.info, theme: theme, into: &buffer)

        let table = TableView(columns: columns(state), rows: log.events, selection: log.selection)
        table.render(header: layout.tableHeader, body: layout.tableRows, theme: theme, into: &buffer)
        if log.events.isEmpty {
            renderEmpty(log, state: state, in: layout.tableRows, theme: theme, into: &buffer)
        } else if let detail = layout.detail, let event = log.selectedEvent {
            let area = detailArea(detail, below: layout.tableRows, shownRows: log.events.count - log.selection.offset)
            renderDetail(event, state: state, in: area, theme: theme, into: &buffer)
        }
        buffer.write(TextLayout.truncate(summary(log, state: state), toWidth: layout.summary.width - 1),
                     x: layout.summary.x + 1, y: layout.summary.y, style: theme[.muted])
    }

    /// Returns the detail's rows, grown upwards into table rows that no event fills.
    private static func detailArea(_ detail: Rect, below table: Rect, shownRows: Int) -> Rect {
        let unused = max(0, table.height - max(0, shownRows))
        return Rect(x: detail.x, y: detail.y - unused, width: detail.width, height: detail.height + unused)
    }

    /// Two rows: the count of rejected deliveries by reason, then what the top reason means.
    private static func renderInfo(_ log: StripeEventsState, in rect: Rect, theme: Theme,
                                   into buffer: inout CellBuffer) {
        guard rect.height >= 2 else { return }

        let width = rect.width - 1
        guard log.lastLoadedAt != nil else { return }
        guard let counts = SignatureRejectionText.counts(log.rejectedSignatures) else {
            let text = "✓ Rejected deliveries: none; every webhook delivery had a valid signature"
            buffer.write(TextLayout.truncate(text, toWidth: width), x: rect.x + 1, y: rect.y, style: theme[.success])
            return
        }

        let heading = "⚠ Rejected deliveries: \(log.rejectedTotal) (\(counts))"
        buffer.write(TextLayout.truncate(heading, toWidth: width), x: rect.x + 1, y: rect.y, style: theme[.warning])
        if let advice = SignatureRejectionText.advice(log.rejectedSignatures) {
            buffer.write(TextLayout.truncate(advice, toWidth: width), x: rect.x + 1, y: rect.y + 1, style: theme[.base])
        }
    }

    /// Draws the selected event in full below a rule: its outcome and detail, then its ids
    /// and when Stripe created it, wrapped. When they need more rows, the last row states that.
    private static func renderDetail(_ event: StripeEventRecord, state: AppState, in rect: Rect, theme: Theme,
                                     into buffer: inout CellBuffer) {
        let rule = String(repeating: "─", count: max(0, rect.width))
        buffer.write(rule, x: rect.x, y: rect.y, style: theme[.muted])

        let created = event.created.map { " · created \(TimeText.dateTime($0, in: state.timeZone))" } ?? ""
        let conversion = event.conversionId.map { " · \($0)" } ?? ""
        let ids = "\(event.eventId) · \(event.type)\(conversion)\(created)"
        let outcome = StripeEventOutcomeText.text(event.outcome) + (event.detail.map { ": \($0)" } ?? "")

        let width = rect.width - 2
        var lines = TextWrapper.wrap(outcome, width: width).map { ($0, StripeEventOutcomeText.role(event.outcome)) }
        lines += TextWrapper.wrap(ids, width: width).map { ($0, ThemeRole.muted) }
        let rows = rect.height - 1
        if lines.count > rows {
            lines = Array(lines.prefix(rows - 1)) + [("… the rest needs a taller terminal", .warning)]
        }
        for (offset, line) in lines.enumerated() {
            buffer.write(line.0, x: rect.x + 1, y: rect.y + 1 + offset, maxWidth: width, style: theme[line.1])
        }
    }

    /// Draws the loading, failure or empty state, with what to check when no event arrives.
    private static func renderEmpty(_ log: StripeEventsState, state: AppState, in rect: Rect, theme: Theme,
                                    into buffer: inout CellBuffer) {
        let area = rect.inset(horizontal: 2, vertical: 0)
        var lines: [(String, ThemeRole)]
        if let error = log.errorMessage, log.lastLoadedAt == nil {
            let reason = log.isUnavailable
                ? "This server has no Stripe events log: it is an extension route of agentref serve, which the "
                    + "hosted AgentRef API lacks. Details: \(error)"
                : "Loading the Stripe events log failed: \(error)"
            lines = TextWrapper.wrap(reason, width: area.width).map { ($0, .danger) }
        } else if log.lastLoadedAt == nil {
            lines = [("Loading the Stripe events log…", .muted)]
        } else {
            lines = [("No Stripe event has reached the server for this program yet.", .base), ("", .base)]
            for hint in emptyHints(state, programID: log.programID) {
                lines += TextWrapper.bullet(hint, width: area.width).map { ($0, .base) }
            }
        }
        for (offset, line) in lines.prefix(area.height).enumerated() {
            buffer.write(line.0, x: area.x, y: area.y + offset, maxWidth: area.width, style: theme[line.1])
        }
    }

    /// Returns what to check when no event arrived, for the program's connection state.
    static func emptyHints(_ state: AppState, programID: String) -> [String] {
        var hints: [String] = []
        switch state.stripeStatus(of: programID) {
        case .connected:
            hints.append("Stripe is connected. Make a test payment (agentref trigger checkout-payment with the "
                + "Stripe simulator), then press r.")
            hints.append("In the Stripe dashboard, open the webhook endpoint shown in Program Settings > Stripe and "
                + "check its recent deliveries: failed deliveries show the server's answer.")
        case .pending:
            hints.append("Authorization is pending, so Stripe sends nothing yet. Finish it: Esc, then c.")
        default:
            hints.append("Stripe is not connected, so no webhook endpoint exists. Connect it: Esc, then c.")
        }
        hints.append("Deliveries with a bad signature are rejected before they are stored; the line above counts them.")
        return hints
    }

    private static func summary(_ log: StripeEventsState, state: AppState) -> String {
        let total = log.total ?? log.events.count
        var parts = [log.events.count < total ? "\(log.events.count) of \(total) events loaded" : "\(total) events"]
        parts.append("newest on top")
        if log.isLoading, log.lastLoadedAt != nil { parts.append("loading…") }
        if let loaded = log.lastLoadedAt {
            let interval = Int(RefreshSchedule.stripeEventsInterval)
            parts.append("updated \(TimeText.clock(loaded, in: state.timeZone)) (every \(interval) s)")
        }
        return parts.joined(separator: " · ")
    }
}
