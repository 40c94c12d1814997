import AgentRefLog

extension LogKey {
    /// Sequence number of a conversion feed entry.
    static let sequence: LogKey = "sequence"
    /// The `Last-Event-ID` sent when a feed stream resumes.
    static let lastEventID: LogKey = "last_event_id"
    /// How the feed receives entries: `stream`, `events` or `conversions`.
    static let feedMode: LogKey = "feed_mode"
}
