import Foundation

/// The connect screen's progress through Stripe's OAuth authorization.
struct ConnectFlowState: Hashable, Sendable {
    var programID: String
    var phase: ConnectPhase
    /// When the operator pressed `c`; the spinner shows the time since.
    var startedAt: Date
    var lastPollAt: Date?
    /// True while a `stripeConnection` poll is in flight.
    var isPolling = false
    /// The server's `message` from `connect-stripe`.
    var serverMessage: String?
    /// Outcome of the last copy or open, such as `Opened with xdg-open.`
    var notice: String?
    /// The connection's `errorMessage` while it is still pending, such as the merchant
    /// denying access on the authorization page; from the polls since `startedAt`.
    var pendingError: String?
    /// When the authorization link stops working, from the polls since `startedAt`.
    var authExpiresAt: Date?

    /// The authorization URL, while there is one to open.
    var authURL: String? {
        if case .waiting(let url) = phase { return url }
        return nil
    }
}

/// Progress of the authorization.
enum ConnectPhase: Hashable, Sendable {
    /// `connect-stripe` is in flight.
    case requesting
    /// The program was connected before the operator pressed `c`.
    case alreadyConnected(accountID: String?)
    /// The server issued `authURL` and the dashboard polls until the merchant authorizes.
    case waiting(authURL: String)
    /// The authorization finished and the connection is live.
    case connected(accountID: String?)
    /// The request failed, or the connection ended in error, revoked or disconnected.
    case failed(reason: String)
    /// The authorization link expired at `at` while the connection was still pending.
    case expired(at: Date)

    /// True when `c` on the connect screen starts a new authorization.
    var allowsNewAuthorization: Bool {
        switch self {
        case .failed, .expired: true
        case .requesting, .alreadyConnected, .waiting, .connected: false
        }
    }
}
