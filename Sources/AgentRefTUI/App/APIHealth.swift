import AgentRefClient
import Foundation

/// Outcome of the latest API requests, for the status line and the offline banner.
struct APIHealth: Hashable, Sendable {
    var lastSuccessAt: Date?
    var lastFailureAt: Date?
    /// The last failure in plain words (`AgentRefClientError.description`).
    var lastFailureMessage: String?
    /// True when the request that finished last failed.
    private(set) var isFailing = false
    /// True when the request that finished last failed without a response (network error).
    private(set) var isOffline = false

    mutating func recordSuccess(at date: Date) {
        lastSuccessAt = date
        isFailing = false
        isOffline = false
    }

    mutating func recordFailure(_ error: AgentRefClientError, at date: Date) {
        lastFailureAt = date
        lastFailureMessage = error.description
        isFailing = true
        isOffline = error.isNetworkError
    }
}
