import AgentRefClient
import Foundation

/// A clock whose sleeps return at once and move its time forward, recording each delay,
/// so retry and pacing tests run without waiting.
final class VirtualClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Double] = []

    init(start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = start
    }

    func now() -> Date {
        lock.withLock { current }
    }

    func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(seconds)
            current = current.addingTimeInterval(max(0, seconds))
        }
    }

    /// Every delay passed to `sleep`, in order.
    var sleeps: [Double] {
        lock.withLock { recorded }
    }

    func advance(by seconds: Double) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
