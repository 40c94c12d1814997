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
            if case .rejected(let message, _) = connection {
                let error = AgentRefClientError(code: AgentRefClientError.unauthorizedCode, status: 401, message: message)
                state.health.recordFailure(error, at: state.now)
            }
        }
        state.feed = feed
    }

    static func togglePause(_ state: inout AppState) -> [Effect] {
        guard var feed = state.feed else { return [] }

        feed.togglePause(viewport: ListScreenLayout.feed(state).tableRows.height)
        state.feed = feed
        return []
    }
}
