import AgentRefClient

/// The live conversion feed.
extension AppReducer {
    /// Opens a new feed for `programID` (nil: every program) and shows it.
    static func openFeed(programID: String?, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = state.feed == nil ? [] : [.stopFeed]
        state.feedGeneration += 1
        state.feed = FeedState(generation: state.feedGeneration, programID: programID)
        if case .feed = state.screen {
            state.stack.removeLast()
        }
        state.stack.append(.feed(programID: programID))
        effects.append(.startFeed(generation: state.feedGeneration, programID: programID, backlog: FeedState.backlog))
        return effects
    }

    static func feedUpdated(_ update: FeedUpdate, generation: Int, _ state: inout AppState) {
        guard var feed = state.feed, feed.generation == generation else { return }
        feed.lastUpdateAt = state.now

        switch update {
        case .entry(let entry):
            feed.receive(entry, viewport: ListScreenLayout.feed(state).tableRows.height)
        case .connection(let connection):
            feed.connection = connection
            feed.retryAt = retryDelay(of: connection).map { state.now.addingTimeInterval($0) }
            recordHealth(of: connection, &state)
        }
        state.feed = feed
    }

    /// Counts the feed's connection as an outcome of the API: streaming and polling are
    /// successes, a disconnect is a failure (offline when no response arrived), and a
    /// rejection is a failure of the API key.
    private static func recordHealth(of connection: FeedConnectionState, _ state: inout AppState) {
        switch connection {
        case .connecting:
            return
        case .streaming, .polling:
            state.health.recordSuccess(at: state.now)
        case .disconnected(let message, _, let code):
            let error = AgentRefClientError(code: code ?? unreportedFeedErrorCode, status: nil, message: message)
            state.health.recordFailure(error, at: state.now)
        case .rejected(let message, _):
            let error = AgentRefClientError(code: AgentRefClientError.unauthorizedCode, status: 401, message: message)
            state.health.recordFailure(error, at: state.now)
        }
    }

    /// Code recorded for a feed disconnect whose producer did not report one.
    static let unreportedFeedErrorCode = "FEED_DISCONNECTED"

    private static func retryDelay(of connection: FeedConnectionState) -> Double? {
        switch connection {
        case .disconnected(_, let retry, _), .rejected(_, let retry): retry
        case .connecting, .streaming, .polling: nil
        }
    }

    static func togglePause(_ state: inout AppState) -> [Effect] {
        guard var feed = state.feed else { return [] }

        feed.togglePause(viewport: ListScreenLayout.feed(state).tableRows.height)
        state.feed = feed
        return []
    }
}
