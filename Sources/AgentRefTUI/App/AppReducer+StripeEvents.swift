import AgentRefClient
import Foundation

/// The Stripe events log of one program: opening, paging, polling and results.
extension AppReducer {
    /// Shows the events log of `programID` and loads its first page.
    static func openStripeEvents(_ programID: String, _ state: inout AppState) -> [Effect] {
        state.stack.append(.stripeEvents(programID: programID))
        state.eventLogs[programID, default: StripeEventsState(programID: programID)].selection = ListSelection()
        var effects = reloadStripeEvents(programID, &state)
        if state.knownPrograms[programID] == nil {
            effects.append(.loadProgram(id: programID))
        }
        return effects
    }

    static func openSelectedStripeEvents(_ state: inout AppState) -> [Effect] {
        guard let programID = state.targetProgramID else { return [] }
        return openStripeEvents(programID, &state)
    }

    /// Asks for a page of events unless one is in flight (for less than
    /// `RefreshSchedule.requestTimeout`). `cursor` nil reloads from the newest event.
    static func requestStripeEvents(_ programID: String, cursor: String?, limit: Int,
                                    _ state: inout AppState) -> [Effect] {
        var log = state.eventLogs[programID] ?? StripeEventsState(programID: programID)
        let sinceLast = log.lastRequestAt.map { state.now.timeIntervalSince($0) } ?? .infinity
        guard !log.isLoading || sinceLast >= RefreshSchedule.requestTimeout else { return [] }

        log.isLoading = true
        log.lastRequestAt = state.now
        state.eventLogs[programID] = log
        return [.loadStripeEvents(programID: programID, cursor: cursor, limit: limit)]
    }

    /// Reloads from the newest event, asking for as many events as are loaded (at most 100).
    static func reloadStripeEvents(_ programID: String, _ state: inout AppState) -> [Effect] {
        let loaded = state.eventLogs[programID]?.events.count ?? 0
        let limit = min(100, max(StripeEventsState.pageSize, loaded))
        return requestStripeEvents(programID, cursor: nil, limit: limit, &state)
    }

    static func stripeEventsLoaded(programID: String, _ log: StripeEventLog, replacing: Bool,
                                   _ state: inout AppState) -> [Effect] {
        state.eventLogs[programID, default: StripeEventsState(programID: programID)]
            .apply(log, replacing: replacing, at: state.now)
        state.health.recordSuccess(at: state.now)
        clampSelections(&state)
        return loadMoreStripeEventsIfNeeded(&state)
    }

    static func stripeEventsFailed(programID: String, _ error: AgentRefClientError, _ state: inout AppState) {
        var log = state.eventLogs[programID] ?? StripeEventsState(programID: programID)
        log.isLoading = false
        log.errorMessage = error.description
        log.isUnavailable = error.isNotFound
        state.eventLogs[programID] = log
        if case .stripeEvents(programID) = state.screen {
            showMessage("Loading the Stripe events log failed: \(error.description)", .error, &state)
        }
    }

    /// Loads the next page of the events log shown when the selection nears the end of
    /// what is loaded or the loaded rows do not fill the table.
    static func loadMoreStripeEventsIfNeeded(_ state: inout AppState) -> [Effect] {
        guard case .stripeEvents(let programID) = state.screen, let log = state.eventLogs[programID],
              log.hasMore, !log.isLoading, let cursor = log.nextCursor else { return [] }

        let rows = ListScreenLayout.stripeEvents(state).tableRows.height
        let nearEnd = log.selection.index >= log.events.count - 5
        guard nearEnd || log.events.count < rows else { return [] }
        return requestStripeEvents(programID, cursor: cursor, limit: StripeEventsState.pageSize, &state)
    }
}
