import Foundation

/// A one-line message above the status line: the result of an action or an error.
struct StatusMessage: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case info
        case success
        case error
    }

    var text: String
    var kind: Kind
    var shownAt: Date

    /// Seconds the message stays; errors stay longer so they can be read.
    var lifetime: TimeInterval {
        kind == .error ? 20 : 8
    }

    func isExpired(at now: Date) -> Bool {
        now.timeIntervalSince(shownAt) >= lifetime
    }
}
