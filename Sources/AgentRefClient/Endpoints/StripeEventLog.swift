import AgentRefDomain

/// One page of a program's Stripe events log with the counts of webhook deliveries the
/// server rejected before reading them, from `GET /programs/{id}/stripe/events`.
public struct StripeEventLog: Sendable, Equatable {
    /// Received events, newest first.
    public var events: Page<StripeEventRecord>
    /// Deliveries rejected for their signature, by reason: `missing`, `malformed`,
    /// `stale`, `future`, `mismatch` or `no_secret`. Empty when none were rejected or the
    /// server does not report them.
    public var rejectedSignatures: [String: Int]

    public init(events: Page<StripeEventRecord>, rejectedSignatures: [String: Int] = [:]) {
        self.events = events
        self.rejectedSignatures = rejectedSignatures
    }

    /// Deliveries rejected for any reason.
    public var rejectedTotal: Int {
        rejectedSignatures.values.reduce(0, +)
    }
}
