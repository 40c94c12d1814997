import AgentRefDomain

extension AgentRefHTTPClient {
    /// Starts the live feed; see `AgentRefService.conversionFeed(programID:backlog:)`.
    ///
    /// Uses `GET /conversions/stream` (Server-Sent Events, resumed with `Last-Event-ID`).
    /// When that route is missing it polls `GET /conversions/events?after=`, and when that is
    /// missing too (the hosted API) it compares successive `GET /conversions` pages. Every
    /// request goes through the client's shared pace and obeys 429. `backlog` is capped at 200.
    public func conversionFeed(programID: String?, backlog: Int) -> AsyncStream<FeedUpdate> {
        let (stream, continuation) = AsyncStream<FeedUpdate>.makeStream(bufferingPolicy: .unbounded)
        let runner = ConversionFeedRunner(client: self, programID: programID, backlog: backlog, continuation: continuation)

        let task = Task { await runner.run() }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
