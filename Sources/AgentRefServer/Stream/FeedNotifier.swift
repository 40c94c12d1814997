import Foundation

/// Wakes open conversion streams when feed entries are committed.
///
/// Writers call `notify()` after their transaction commits; each stream waits for the
/// version to move past the one it last saw. `shutDown()` wakes every waiter for good, so
/// streams end promptly when the server stops.
final class FeedNotifier: @unchecked Sendable {
    private let condition = NSCondition()
    private var version: UInt64 = 0
    private var isShutDown = false

    /// The current version, to pass to `wait(after:timeout:)`.
    var currentVersion: UInt64 {
        condition.withLock { version }
    }

    var hasShutDown: Bool {
        condition.withLock { isShutDown }
    }

    func notify() {
        condition.withLock {
            version &+= 1
            condition.broadcast()
        }
    }

    /// Blocks until the version differs from `seen`, the notifier shuts down, or `timeout`
    /// seconds pass.
    ///
    /// - Returns: The version when it returned.
    @discardableResult
    func wait(after seen: UInt64, timeout: TimeInterval) -> UInt64 {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while version == seen, !isShutDown {
            guard condition.wait(until: deadline) else { break }
        }
        return version
    }

    func shutDown() {
        condition.withLock {
            isShutDown = true
            condition.broadcast()
        }
    }
}
