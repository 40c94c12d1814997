import AgentRefClient
import Foundation

/// Outcome of the latest API requests, for the status line and the offline banner.
struct APIHealth: Hashable, Sendable {
    var lastSuccessAt: Date?
    var lastFailureAt: Date?
    /// The last failure in plain words (`AgentRefClientError.description`).
    var lastFailureMessage: String?
    /// True when the last failure was a network error (no response arrived).
    var lastFailureWasNetwork = false

    /// True when the most recent request failed.
    var isFailing: Bool {
        guard let lastFailureAt else { return false }
        return lastSuccessAt.map { lastFailureAt > $0 } ?? true
    }

    /// True when the most recent request could not reach the server.
    var isOffline: Bool { isFailing && lastFailureWasNetwork }

    mutating func recordSuccess(at date: Date) {
        lastSuccessAt = date
    }

    mutating func recordFailure(_ error: AgentRefClientError, at date: Date) {
        lastFailureAt = date
        lastFailureMessage = error.description
        lastFailureWasNetwork = error.isNetworkError
    }
}
