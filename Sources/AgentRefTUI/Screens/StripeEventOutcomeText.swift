import AgentRefDomain

/// A Stripe event's outcome as a symbol, words and a style role, so the meaning never
/// depends on colour alone.
enum StripeEventOutcomeText {
    /// For example `✓ conversion created`. An outcome this dashboard does not know is
    /// shown as the server sent it.
    static func text(_ outcome: String) -> String {
        guard let known = StripeEventOutcome(rawValue: outcome) else { return "? \(outcome)" }
        return "\(symbol(known)) \(words(known))"
    }

    static func role(_ outcome: String) -> ThemeRole {
        switch StripeEventOutcome(rawValue: outcome) {
        case .conversionCreated: .success
        case .linked, .subscriptionEnded: .base
        case .duplicate, .ignored: .muted
        case .refundApplied: .reversal
        case .unattributed: .warning
        case .revoked: .danger
        case nil: .base
        }
    }

    private static func symbol(_ outcome: StripeEventOutcome) -> String {
        switch outcome {
        case .conversionCreated: "✓"
        case .linked: "="
        case .duplicate: "≡"
        case .refundApplied: "↩"
        case .subscriptionEnded: "■"
        case .unattributed: "!"
        case .ignored: "–"
        case .revoked: "✗"
        }
    }

    private static func words(_ outcome: StripeEventOutcome) -> String {
        switch outcome {
        case .conversionCreated: "conversion created"
        case .linked: "linked to payment"
        case .duplicate: "duplicate"
        case .refundApplied: "refund applied"
        case .subscriptionEnded: "subscription ended"
        case .unattributed: "unattributed"
        case .ignored: "ignored"
        case .revoked: "access revoked"
        }
    }
}
