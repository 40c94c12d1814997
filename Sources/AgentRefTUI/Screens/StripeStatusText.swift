import AgentRefDomain

/// A Stripe connection status as a symbol, a word and a style role: the word carries the
/// meaning, so it never depends on colour alone.
enum StripeStatusText {
    static func text(_ status: StripeConnectionStatus) -> String {
        "\(symbol(status)) \(status.label)"
    }

    static func symbol(_ status: StripeConnectionStatus) -> String {
        switch status {
        case .connected: "✓"
        case .pending: "…"
        case .disconnected: "○"
        case .revoked, .error: "✗"
        }
    }

    static func role(_ status: StripeConnectionStatus) -> ThemeRole {
        switch status {
        case .connected: .success
        case .pending: .warning
        case .disconnected: .muted
        case .revoked, .error: .danger
        }
    }
}
