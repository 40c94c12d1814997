import Foundation

/// The most recent delivery attempts, oldest dropped first, kept in memory only.
final class DeliveryLog: @unchecked Sendable {
    /// How many attempts the log keeps.
    static let capacity = 500

    private let lock = NSLock()
    private var attempts: [DeliveryAttempt] = []

    func append(_ attempt: DeliveryAttempt) {
        lock.withLock {
            attempts.append(attempt)
            if attempts.count > Self.capacity {
                attempts.removeFirst(attempts.count - Self.capacity)
            }
        }
    }

    /// Up to `limit` attempts, newest first, of event `eventID` when given.
    func recent(limit: Int, eventID: String? = nil) -> [DeliveryAttempt] {
        lock.withLock {
            let matching = attempts.reversed().filter { eventID == nil || $0.eventID == eventID }
            return Array(matching.prefix(limit))
        }
    }
}
