/// One event dispatched from a `text/event-stream` body.
public struct ServerSentEvent: Hashable, Sendable {
    /// The `event` field, or `message` when the event had none.
    public var type: String
    /// The `data` fields joined with line feeds.
    public var data: String
    /// The last `id` field seen on the stream so far, which may come from an earlier event.
    public var lastEventID: String

    public init(type: String = "message", data: String, lastEventID: String = "") {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
    }
}
