import AgentRefDomain
import AgentRefTUI

/// The connection detail as `label: value` lines for `agentref stripe status`.
enum StripeConnectionText {
    static func lines(for connection: StripeConnection) -> [String] {
        var rows: [(String, String)] = [
            ("program", connection.programId),
            ("status", connection.status.label),
            ("account", connection.stripeAccountId ?? "—"),
            ("webhook endpoint", connection.webhookEndpointId ?? "—"),
            ("subscribed events", connection.subscribedEvents.isEmpty ? "—" : connection.subscribedEvents.joined(separator: ", ")),
            ("connected at", connection.connectedAt.map(AgentRefJSON.formatTimestamp) ?? "—"),
            ("last event", lastEvent(connection)),
            ("payments without attribution", String(connection.unattributedPayments)),
        ]
        if let url = connection.authUrl { rows.append(("authorization URL", url)) }
        if let message = connection.errorMessage { rows.append(("error", message)) }
        if let cleanup = cleanupText(connection) { rows.append(("cleanup", cleanup)) }

        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label + ":" + String(repeating: " ", count: width - label.count + 1) + TextSanitizer.sanitize(value)
        }
    }

    /// Describes the work left on Stripe after a disconnect, or returns nil when none is left.
    private static func cleanupText(_ connection: StripeConnection) -> String? {
        if connection.cleanupPending == true {
            return "pending: " + (connection.cleanupMessage ?? "Stripe was unreachable, retrying")
        }
        return connection.cleanupMessage.map { "failed: " + $0 }
    }

    private static func lastEvent(_ connection: StripeConnection) -> String {
        guard let type = connection.lastEventType else { return "none yet" }
        let time = connection.lastEventAt.map(AgentRefJSON.formatTimestamp) ?? ""
        return [type, connection.lastEventId ?? "", time].filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
