/// Timing of the live conversion feed.
public struct FeedOptions: Hashable, Sendable {
    /// First wait before reconnecting a dropped stream, in seconds, until the server sends
    /// its own `retry` time. Later failures in a row double it.
    public var reconnectDelay: Double
    /// Maximum wait between reconnection or polling attempts after failures, in seconds.
    public var maxReconnectDelay: Double
    /// Seconds without any byte (the server sends `: keep-alive` every 15 s) after which a
    /// stream counts as dropped.
    public var idleTimeout: Double
    /// Seconds between polls when the server has no stream. Each poll is one request of the
    /// client's shared pace, so keep it well above `RateLimit.window / RateLimit.limit`.
    public var pollInterval: Double
    /// Entries per `GET /conversions/events` request, 1 to 100.
    public var eventsPageSize: Int
    /// Conversions per `GET /conversions` request when diffing the hosted API's list, 1 to 100.
    public var conversionsPageSize: Int
    /// Maximum number of extra pages read in one poll to catch up after many new conversions.
    public var maxCatchUpPages: Int

    public init(
        reconnectDelay: Double = 1,
        maxReconnectDelay: Double = 30,
        idleTimeout: Double = 45,
        pollInterval: Double = 5,
        eventsPageSize: Int = 100,
        conversionsPageSize: Int = 50,
        maxCatchUpPages: Int = 5
    ) {
        self.reconnectDelay = reconnectDelay
        self.maxReconnectDelay = maxReconnectDelay
        self.idleTimeout = idleTimeout
        self.pollInterval = pollInterval
        self.eventsPageSize = eventsPageSize
        self.conversionsPageSize = conversionsPageSize
        self.maxCatchUpPages = maxCatchUpPages
    }
}
