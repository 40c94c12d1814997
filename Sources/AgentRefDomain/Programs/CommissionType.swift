/// How long an affiliate earns from one referred customer.
public enum CommissionType: String, Sendable, Codable, CaseIterable {
    /// Commission on the first payment only.
    case oneTime = "one_time"
    /// Commission on every payment of the subscription, for as long as it runs.
    case recurring
    /// Commission on recurring payments for `commissionLimitMonths` months.
    case recurringLimited = "recurring_limited"
}

/// How far a program's set-up has come, as AgentRef reports it.
public enum ProgramReadiness: String, Sendable, Codable, CaseIterable {
    /// Created, but Stripe is not connected.
    case setup
    /// Stripe is connected but no affiliate has joined yet.
    case partial
    /// Stripe is connected and affiliates can earn.
    case ready
}
