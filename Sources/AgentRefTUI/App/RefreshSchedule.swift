import Foundation

/// How often the dashboard polls. The hosted AgentRef API allows about 60 requests a
/// minute per key. Only the screen shown polls, so even the busiest one (connect, 30 a
/// minute) stays well inside that limit.
enum RefreshSchedule {
    /// Seconds between reloads of the programs list while it is shown.
    static let programsInterval: TimeInterval = 30
    /// Seconds between reloads of Program Settings > Stripe while it is shown.
    static let stripeSettingsInterval: TimeInterval = 5
    /// Seconds between reloads of the Stripe events log while it is shown.
    static let stripeEventsInterval: TimeInterval = 5
    /// Seconds between checks of the connection while waiting for authorization.
    static let connectPollInterval: TimeInterval = 2
    /// Seconds after which a request without a result no longer blocks a new one, so a
    /// lost response cannot stop polling for good.
    static let requestTimeout: TimeInterval = 30
}
