import Foundation

/// Spaces out the client's requests so that no window of `window` seconds holds more than
/// `limit` of them, and holds every request back after a 429 until the server's
/// `Retry-After` has passed.
///
/// It is a token bucket holding at most `burst` tokens and refilling at
/// `(limit − burst) / window` tokens a second, so a burst of `burst` requests goes out at
/// once and any window of `window` seconds admits at most `limit`. Each request takes its
/// token before it suspends, so concurrent callers are served in arrival order. The
/// hosted AgentRef API allows about 60 requests a minute per key.
public actor RequestPacer {
    public nonisolated let limit: Int
    public nonisolated let window: Double
    public nonisolated let burst: Int
    private let clock: any ClientClock
    private var tokens: Double
    private var refilledAt: Date
    private var holdUntil: Date

    /// - Parameters:
    ///   - limit: Requests allowed in any window; at least `burst + 1`.
    ///   - window: Length of the window in seconds.
    ///   - burst: Requests that may go out back to back after a quiet period.
    public init(limit: Int = 60, window: Double = 60, burst: Int = 10, clock: any ClientClock = SystemClock()) {
        let burst = max(1, min(burst, limit - 1))
        self.limit = max(limit, burst + 1)
        self.window = window
        self.burst = burst
        self.clock = clock
        self.tokens = Double(burst)
        self.refilledAt = clock.now()
        self.holdUntil = .distantPast
    }

    private var refillRate: Double {
        Double(limit - burst) / window
    }

    /// Waits until one more request may be sent.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting; the
    ///   reserved token is then given back.
    public func acquire() async throws {
        let now = clock.now()
        refill(at: now)
        tokens -= 1

        let tokenWait = tokens < 0 ? -tokens / refillRate : 0
        let holdWait = holdUntil.timeIntervalSince(now)
        let wait = max(tokenWait, holdWait, 0)
        guard wait > 0 else { return }

        do {
            try await clock.sleep(seconds: wait)
        } catch {
            tokens += 1
            throw error
        }
    }

    /// Holds back every request until `seconds` from now, after the server responded with 429.
    public func hold(forSeconds seconds: Double) {
        let until = clock.now().addingTimeInterval(seconds)
        if until > holdUntil { holdUntil = until }
    }

    /// Seconds between requests when the bucket is empty, the pace of sustained polling.
    public nonisolated var sustainedInterval: Double {
        window / Double(limit - burst)
    }

    private func refill(at now: Date) {
        let elapsed = max(0, now.timeIntervalSince(refilledAt))
        tokens = min(Double(burst), tokens + elapsed * refillRate)
        refilledAt = now
    }
}
