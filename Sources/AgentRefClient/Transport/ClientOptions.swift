import Foundation

/// Tuning of `AgentRefHTTPClient`; the defaults suit the hosted API and the local server.
public struct ClientOptions: Sendable {
    /// Retries of failed requests.
    public var retryPolicy: RetryPolicy
    /// Seconds to wait for a response to start, or for more of its body.
    public var requestTimeout: Double
    /// Sent as `User-Agent`.
    public var userAgent: String
    /// Time source and sleep of retries, pacing and the feed.
    public var clock: any ClientClock
    /// Pace shared by every request of one client, including feed connections and polls;
    /// nil sends requests as fast as they come.
    public var rateLimit: RateLimit?
    /// Timing of the live conversion feed.
    public var feed: FeedOptions

    public init(
        retryPolicy: RetryPolicy = RetryPolicy(),
        requestTimeout: Double = 30,
        userAgent: String = "agentref-swift/0.1",
        clock: any ClientClock = SystemClock(),
        rateLimit: RateLimit? = RateLimit(),
        feed: FeedOptions = FeedOptions()
    ) {
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.clock = clock
        self.rateLimit = rateLimit
        self.feed = feed
    }
}

/// At most `limit` requests in any window of `window` seconds, of which `burst` may go
/// back to back. The default stays within the hosted API's limit of about 60 a minute.
public struct RateLimit: Hashable, Sendable {
    public var limit: Int
    public var window: Double
    public var burst: Int

    public init(limit: Int = 60, window: Double = 60, burst: Int = 10) {
        self.limit = limit
        self.window = window
        self.burst = burst
    }
}
