import Foundation

/// A thread that runs one round of work at start, whenever it is woken, and when the
/// delay the last round asked for has passed, until it is stopped.
final class BackgroundLoop: @unchecked Sendable {
    /// Runs one round and returns the seconds until the next one, or nil to wait until woken.
    typealias Round = @Sendable () -> TimeInterval?

    private let name: String
    private let condition = NSCondition()
    private var isWoken = false
    private var isStopped = false
    private var scheduledAt: Date?
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Longest wait after a round that returned no delay.
    // NOTE: Foundation on Linux traps on `wait(until: .distantFuture)`, so "until woken"
    // waits an hour and then runs a round that normally finds nothing to do.
    private static let idleWait: TimeInterval = 3600

    init(name: String) {
        self.name = name
    }

    /// Starts the thread, which runs its first round at once.
    func start(round: @escaping Round) {
        let thread = Thread { [weak self] in self?.run(round) }
        thread.name = name
        condition.withLock {
            self.thread = thread
            isWoken = true
        }
        thread.start()
    }

    /// Starts a round now, or as soon as the current one ends.
    func wake() {
        condition.withLock {
            isWoken = true
            condition.broadcast()
        }
    }

    /// Starts a round `seconds` from now, unless one starts earlier.
    func wake(after seconds: TimeInterval) {
        condition.withLock {
            let date = Date().addingTimeInterval(seconds)
            scheduledAt = min(scheduledAt ?? date, date)
            condition.broadcast()
        }
    }

    /// Stops the loop and waits for the current round to end. Safe to call twice.
    func stop() {
        let running = condition.withLock {
            let wasRunning = thread != nil && !isStopped
            isStopped = true
            condition.broadcast()
            return wasRunning
        }
        if running { finished.wait() }
    }

    private func run(_ round: Round) {
        var delay: TimeInterval?
        while waitForRound(delay: delay) {
            delay = round()
        }
        finished.signal()
    }

    /// Waits `delay` seconds or until woken; returns false once stopped.
    private func waitForRound(delay: TimeInterval?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let requested = Date().addingTimeInterval(delay ?? Self.idleWait)
        while !isWoken, !isStopped {
            let deadline = min(requested, scheduledAt ?? requested)
            guard condition.wait(until: deadline) else { break }
        }
        isWoken = false
        scheduledAt = nil
        return !isStopped
    }
}
