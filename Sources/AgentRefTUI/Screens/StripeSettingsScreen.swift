import AgentRefDomain
import Foundation

/// Program Settings > Stripe: the connection detail of one program and what to do next.
enum StripeSettingsScreen {
    static func crumbs(_ state: AppState, programID: String) -> [String] {
        ["AgentRef", state.programName(programID), "Settings", "Stripe"]
    }

    static func render(_ state: AppState, programID: String, theme: Theme, into buffer: inout CellBuffer) {
        let body = FrameLayout(state: state).body.inset(horizontal: 1, vertical: 0)
        let (_, content) = body.splitTop(1)
        let detail = state.stripe[programID]

        guard let connection = detail?.connection else {
            let text = detail?.errorMessage.map { "Loading the Stripe connection failed: \($0)" }
                ?? "Loading the Stripe connection…"
            let lines = TextWrapper.wrap(text, width: content.width)
            let role: ThemeRole = detail?.errorMessage == nil ? .muted : .danger
            for (offset, line) in lines.prefix(content.height).enumerated() {
                buffer.write(line, x: content.x, y: content.y + offset, style: theme[role])
            }
            return
        }

        let hintLines = troubleshootingHints(connection).flatMap { bulletLines($0, width: content.width) }
        let list = KeyValueList(items: items(connection, state: state))
        // The detail comes first; the hints get the rows it leaves, but at least a heading and a line.
        let reservedForHints = hintLines.isEmpty ? 0 : min(hintLines.count + 2, 4)
        let listRows = min(list.lineCount(width: content.width), content.height - reservedForHints)
        let (listArea, hintArea) = content.splitTop(listRows)

        list.render(in: listArea, theme: theme, into: &buffer)
        renderHints(hintLines, in: hintArea, theme: theme, into: &buffer)
    }

    /// Formats a hint as a bullet with a hanging indent.
    private static func bulletLines(_ text: String, width: Int) -> [String] {
        TextWrapper.wrap(text, width: max(1, width - 2)).enumerated().map { index, line in
            (index == 0 ? "• " : "  ") + line
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
            .init("Webhook mode", webhookModeText(connection.webhookMode)),
        ]
        if connection.cleanupPending == true {
            items.append(.init("Cleanup", "pending: Stripe was unreachable during the disconnect; the server retries",
                               role: .warning))
        }
        if let loaded = state.stripe[connection.programId]?.lastLoadedAt {
            let interval = Int(RefreshSchedule.stripeSettingsInterval)
            items.append(.init("Updated", "\(TimeText.clock(loaded, in: zone)) (every \(interval) s)", role: .muted))
        }
        return items
    }

    /// Returns advice for the state the connection is in, or nothing when all is well.
    static func troubleshootingHints(_ connection: StripeConnection) -> [String] {
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
            hints.append("Stripe access was revoked\(reason(connection)). Press c to reconnect.")
        case .error:
            hints.append("The connection failed\(reason(connection)). Press c to reconnect.")
        }
        if connection.unattributedPayments > 0 {
            hints.append("Payments without attribution carry no agentref_cid. Make checkout set client_reference_id "
                + "or metadata.agentref_cid to the click id from POST /api/v1/clicks.")
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
        case "connect": "connect (platform Connect endpoint; events carry the account)"
        case let other?: other
        case nil: "—"
        }
    }

    /// Draws the heading and the hint lines below a blank row. When rows run out, the last
    /// row states how many lines are hidden.
    private static func renderHints(_ lines: [String], in rect: Rect, theme: Theme, into buffer: inout CellBuffer) {
        guard !lines.isEmpty, rect.height >= 3 else { return }

        buffer.write("What to do", x: rect.x, y: rect.y + 1, style: theme[.header])
        let rows = rect.height - 2
        let shown = lines.count > rows ? rows - 1 : lines.count
        for (offset, line) in lines.prefix(shown).enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + 2 + offset, style: theme[.base])
        }
        if shown < lines.count {
            let hidden = "… \(lines.count - shown) more lines; enlarge the terminal to see them"
            buffer.write(TextLayout.truncate(hidden, toWidth: rect.width), x: rect.x, y: rect.y + 2 + shown,
                         style: theme[.warning])
        }
    }
}
