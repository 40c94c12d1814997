import AgentRefDomain
import Foundation

/// Program Settings > Stripe: the connection detail of one program and what to do next.
enum StripeSettingsScreen {
    static func crumbs(_ state: AppState, programID: String) -> [String] {
        ["AgentRef", state.programName(programID), "Settings", "Stripe"]
    }

    static func render(_ state: AppState, programID: String, theme: Theme, into buffer: inout CellBuffer) {
        guard let content = StripeSettingsContent(state: state, programID: programID) else {
            renderLoading(state.stripe[programID], in: StripeSettingsContent.area(state), theme: theme, into: &buffer)
            return
        }

        let area = content.area
        let first = min(max(0, state.settingsScroll), content.maxScroll)
        for (offset, line) in content.lines.dropFirst(first).prefix(content.windowRows).enumerated() {
            draw(line, labelWidth: content.labelWidth, at: area.row(offset), theme: theme, into: &buffer)
        }
        if content.overflows, area.height > 0 {
            let last = min(content.lines.count, first + content.windowRows)
            let position = "lines \(first + 1)–\(last) of \(content.lines.count) · j/k or PgUp/PgDn scroll"
            buffer.write(TextLayout.truncate(position, toWidth: area.width), x: area.x, y: area.maxY - 1,
                         style: theme[.muted])
        }
    }

    private static func renderLoading(_ detail: StripeDetailState?, in area: Rect, theme: Theme,
                                      into buffer: inout CellBuffer) {
        let text = detail?.errorMessage.map { "Loading the Stripe connection failed: \($0)" }
            ?? "Loading the Stripe connection…"
        let role: ThemeRole = detail?.errorMessage == nil ? .muted : .danger
        for (offset, line) in TextWrapper.wrap(text, width: area.width).prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + offset, style: theme[role])
        }
    }

    private static func draw(_ line: StripeSettingsContent.Line, labelWidth: Int, at row: Rect, theme: Theme,
                             into buffer: inout CellBuffer) {
        switch line {
        case .item(let item):
            KeyValueList.draw(item, labelWidth: labelWidth, at: row, theme: theme, into: &buffer)
        case .blank:
            break
        case .heading(let text):
            buffer.write(text, x: row.x, y: row.y, maxWidth: row.width, style: theme[.header])
        case .text(let text):
            buffer.write(text, x: row.x, y: row.y, maxWidth: row.width, style: theme[.base])
        }
    }

    /// Lists the detail as label and value rows.
    static func items(_ connection: StripeConnection, state: AppState) -> [KeyValueList.Item] {
        let zone = state.timeZone
        var items: [KeyValueList.Item] = [
            .init("Status", StripeStatusText.text(connection.status), role: StripeStatusText.role(connection.status)),
            .init("Stripe account", connection.stripeAccountId ?? "—"),
            .init("Webhook endpoint", connection.webhookEndpointId ?? "—"),
        ]
        if let url = connection.webhookUrl {
            items.append(.init("Webhook URL", url, role: .accent))
        }
        items += [
            .init("Subscribed events", subscribedText(connection.subscribedEvents)),
            .init("Connected at", connection.connectedAt.map { TimeText.dateTime($0, in: zone) } ?? "—"),
            .init("Last event", lastEventText(connection, zone: zone)),
            .init("Without attribution", unattributedText(connection.unattributedPayments),
                  role: connection.unattributedPayments > 0 ? .warning : .base),
            rejectedItem(state.eventLogs[connection.programId]),
            .init("Webhook mode", webhookModeText(connection.webhookMode)),
        ]
        if connection.cleanupPending == true || connection.cleanupMessage != nil {
            let fallback = "pending: Stripe was unreachable during the disconnect; the server retries"
            let message = connection.cleanupMessage.map(RepeatedURLText.shortened)
            items.append(.init("Cleanup", message ?? fallback, role: .warning))
        }
        if let loaded = state.stripe[connection.programId]?.lastLoadedAt {
            let interval = Int(RefreshSchedule.stripeSettingsInterval)
            items.append(.init("Updated", "\(TimeText.clock(loaded, in: zone)) (every \(interval) s)", role: .muted))
        }
        return items
    }

    /// Counts deliveries rejected for their signature, from the events log when it loaded.
    private static func rejectedItem(_ log: StripeEventsState?) -> KeyValueList.Item {
        guard let log, log.lastLoadedAt != nil else {
            let text = log?.isUnavailable == true ? "not reported by this server" : "—"
            return .init("Rejected deliveries", text, role: .muted)
        }
        guard let counts = SignatureRejectionText.counts(log.rejectedSignatures) else {
            return .init("Rejected deliveries", "none")
        }
        return .init("Rejected deliveries", "\(log.rejectedTotal) (\(counts)); e shows the events log", role: .warning)
    }

    /// Returns advice for the state the connection is in and for rejected deliveries, and
    /// where to look when conversions do not appear.
    static func troubleshootingHints(_ connection: StripeConnection, rejected: [String: Int] = [:]) -> [String] {
        var hints: [String] = []
        switch connection.status {
        case .disconnected:
            hints.append("Stripe is not connected, so payments are not tracked. Press c to connect.")
        case .pending:
            hints.append("Authorization is pending: open the authorization URL in a browser and approve access. "
                + "Press c to show the URL again.")
        case .connected where connection.lastEventAt == nil:
            hints.append("Connected, but no event has arrived yet. Make a test payment (agentref trigger with the "
                + "Stripe simulator), or check the webhook endpoint's deliveries in the Stripe dashboard.")
        case .connected:
            break
        case .revoked:
            let revoked = TextLayout.sentence("Stripe access was revoked" + reason(connection))
            hints.append(revoked + " Press c to reconnect.")
        case .error:
            let failed = TextLayout.sentence("The connection failed" + reason(connection))
            hints.append(failed + " Press c to reconnect.")
        }
        if let advice = SignatureRejectionText.advice(rejected) {
            hints.append("Deliveries were rejected for their signature. " + advice)
        }
        if connection.unattributedPayments > 0 {
            hints.append("Payments without attribution carry no agentref_cid. Make checkout set client_reference_id "
                + "or metadata.agentref_cid to the click id from POST /api/v1/clicks.")
        }
        if connection.status == .connected {
            hints.append("Conversions not appearing? Press e for the events log: each event received and why it "
                + "did or did not create a conversion.")
        }
        return hints
    }

    private static func reason(_ connection: StripeConnection) -> String {
        connection.errorMessage.map { ": \($0)" } ?? ""
    }

    private static func lastEventText(_ connection: StripeConnection, zone: TimeZone) -> String {
        guard connection.lastEventType != nil || connection.lastEventId != nil else { return "none yet" }

        let type = connection.lastEventType ?? "event"

        let time = connection.lastEventAt.map { " at \(TimeText.dateTime($0, in: zone))" } ?? ""
        let id = connection.lastEventId.map { " (\($0))" } ?? ""
        return type + time + id
    }

    private static func subscribedText(_ events: [String]) -> String {
        events.isEmpty ? "—" : events.joined(separator: ", ")
    }

    private static func unattributedText(_ count: Int) -> String {
        count == 1 ? "1 payment" : "\(count) payments"
    }

    private static func webhookModeText(_ mode: String?) -> String {
        switch mode {
        case "account": "account (endpoint on the merchant's own Stripe account)"
        case "connect": "connect (one platform Connect endpoint for all programs)"
        case let other?: other
        case nil: "—"
        }
    }
}
