/// Webhook deliveries the server rejected for their signature, in words an operator can
/// act on. The reasons are those of `GET /programs/{id}/stripe/events`.
enum SignatureRejectionText {
    /// For example `mismatch 2 · stale 1`, largest count first, or nil when there are none.
    static func counts(_ rejected: [String: Int]) -> String? {
        let nonZero = rejected.filter { $0.value > 0 }
        guard !nonZero.isEmpty else { return nil }

        return nonZero.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\(label($0.key)) \($0.value)" }
            .joined(separator: " · ")
    }

    /// Returns a short name for `reason`.
    static func label(_ reason: String) -> String {
        switch reason {
        case "mismatch": "wrong secret"
        case "stale": "too old"
        case "future": "from the future"
        case "missing": "no signature"
        case "malformed": "malformed"
        case "no_secret": "not connected"
        default: reason
        }
    }

    /// Returns what the operator should check for the most frequent reason, or nil when none.
    static func advice(_ rejected: [String: Int]) -> String? {
        guard let top = rejected.filter({ $0.value > 0 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else {
            return nil
        }
        return advice(for: top.key)
    }

    /// Returns advice for `reason` in at most 78 columns, so it fits an 80-column terminal whole.
    static func advice(for reason: String) -> String {
        switch reason {
        case "mismatch":
            "Signed with another whsec_ secret than the server's: disconnect and reconnect."
        case "stale":
            "Older than 300 s: replayed late, or this machine's clock is behind (check NTP)."
        case "future":
            "Dated over 300 s ahead: this machine's clock is behind the sender's (check NTP)."
        case "missing":
            "No Stripe-Signature header: something other than Stripe posts to the webhook."
        case "malformed":
            "Unreadable Stripe-Signature header: a proxy may rewrite headers."
        case "no_secret":
            "Sent before the program had a signing secret: connect Stripe first."
        default:
            "Rejected for \"\(reason)\": see the server log."
        }
    }
}
