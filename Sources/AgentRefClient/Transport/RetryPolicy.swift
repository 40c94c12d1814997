import Foundation

/// When and how long the client waits before repeating a failed request.
///
/// Delays use exponential backoff with full jitter: before retry `n` (0-based) the client
/// waits a random time between 0 and `min(maxDelay, baseDelay × 2ⁿ)` seconds. A 429
/// response is retried after its `Retry-After` instead, unless that is longer than
/// `maxRetryAfter`, in which case the error is returned at once with `retryAfterSeconds` set.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// Upper bound of the first backoff delay, in seconds.
    public var baseDelay: Double
    /// Upper bound of any backoff delay, in seconds.
    public var maxDelay: Double
    /// Longest `Retry-After` the client waits for, in seconds.
    public var maxRetryAfter: Double
    /// Wait for a 429 response that has no usable `Retry-After`, in seconds.
    public var defaultRetryAfter: Double
    /// Returns a random number in the given range; replaceable so tests get fixed delays.
    public var random: @Sendable (ClosedRange<Double>) -> Double

    public init(
        maxRetries: Int = 3,
        baseDelay: Double = 0.5,
        maxDelay: Double = 8,
        maxRetryAfter: Double = 60,
        defaultRetryAfter: Double = 5,
        random: @escaping @Sendable (ClosedRange<Double>) -> Double = { Double.random(in: $0) }
    ) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.defaultRetryAfter = defaultRetryAfter
        self.random = random
    }

    /// Never retries.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Computes the delay before retry number `retry` (0 for the first retry), in seconds.
    public func backoffDelay(forRetry retry: Int) -> Double {
        let exponent = Double(min(retry, 30))
        let ceiling = min(maxDelay, baseDelay * pow(2, exponent))
        return ceiling > 0 ? random(0...ceiling) : 0
    }
}
