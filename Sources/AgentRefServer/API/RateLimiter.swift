import AgentRefDomain
import Foundation

/// A token bucket per API key: `limit` requests per minute, refilled continuously.
final class RateLimiter: @unchecked Sendable {
    struct Decision {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Unix seconds when the bucket is full again.
        var resetAt: Int64
        /// Seconds until one request is allowed, when `allowed` is false.
        var retryAfterSeconds: Int

        var headers: [(name: String, value: String)] {
            [
                ("X-RateLimit-Limit", String(limit)),
                ("X-RateLimit-Remaining", String(remaining)),
                ("X-RateLimit-Reset", String(resetAt)),
            ]
        }
    }

    let limit: Int
    private let lock = NSLock()
    private var buckets: [String: (tokens: Double, updated: Date)] = [:]

    /// - Parameter limit: Requests per minute per key, at least 1.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Takes one token from the key's bucket when one is left.
    func take(for key: APIKey, now: Date = Date()) -> Decision {
        lock.withLock {
            let perSecond = Double(limit) / 60
            let previous = buckets[key.secret] ?? (Double(limit), now)
            let elapsed = max(0, now.timeIntervalSince(previous.updated))
            var tokens = min(Double(limit), previous.tokens + elapsed * perSecond)

            let allowed = tokens >= 1
            if allowed { tokens -= 1 }
            buckets[key.secret] = (tokens, now)

            let secondsToFull = (Double(limit) - tokens) / perSecond
            return Decision(
                allowed: allowed,
                limit: limit,
                remaining: Int(tokens.rounded(.down)),
                resetAt: Int64((now.timeIntervalSince1970 + secondsToFull).rounded(.up)),
                retryAfterSeconds: allowed ? 0 : Int(((1 - tokens) / perSecond).rounded(.up))
            )
        }
    }
}
