/// When failed deliveries are tried again: after `baseSeconds`, then twice as long after
/// each further failure, until `maxAttempts` attempts were made. Stripe spreads its
/// retries over three days; the simulator keeps the shape and compresses the time.
struct RetrySchedule: Sendable {
    var baseSeconds: Double
    var maxAttempts: Int

    /// Seconds to wait after failed attempt number `attempt` (1-based), or nil when it was
    /// the last one.
    func delay(afterAttempt attempt: Int) -> Double? {
        guard attempt < maxAttempts else { return nil }
        return baseSeconds * Double(1 << min(attempt - 1, 30))
    }
}
