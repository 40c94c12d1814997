import AgentRefDomain

/// The programs list: paging, refresh and opening a program.
extension AppReducer {
    /// Asks for a page of programs unless one is already in flight (for less than
    /// `RefreshSchedule.requestTimeout`). `cursor` nil reloads the list from the start.
    static func requestPrograms(cursor: String?, limit: Int, _ state: inout AppState) -> [Effect] {
        let sinceLast = state.programs.lastRequestAt.map { state.now.timeIntervalSince($0) } ?? .infinity
        guard !state.programs.isLoading || sinceLast >= RefreshSchedule.requestTimeout else { return [] }

        state.programs.isLoading = true
        state.programs.lastRequestAt = state.now
        return [.loadPrograms(cursor: cursor, limit: limit)]
    }

    /// Reloads from the first page, asking for as many programs as are loaded (at most 100).
    static func reloadPrograms(_ state: inout AppState) -> [Effect] {
        let limit = min(100, max(ProgramsListState.pageSize, state.programs.items.count))
        return requestPrograms(cursor: nil, limit: limit, &state)
    }

    static func programsLoaded(_ page: Page<Program>, replacing: Bool, _ state: inout AppState) -> [Effect] {
        let selectedID = state.programs.selectedProgram?.id
        var list = state.programs
        if replacing {
            list.items = page.items
        } else {
            let known = Set(list.items.map(\.id))
            list.items += page.items.filter { !known.contains($0.id) }
        }
        list.nextCursor = page.nextCursor
        list.hasMore = page.hasMore && page.nextCursor != nil
        list.total = page.total
        list.isLoading = false
        list.lastLoadedAt = state.now
        state.programs = list

        for program in page.items {
            state.knownPrograms[program.id] = program
        }
        reselect(selectedID, &state)
        state.health.recordSuccess(at: state.now)
        return loadMoreProgramsIfNeeded(&state)
    }

    /// Loads the next page when the selection nears the end of what is loaded, when the
    /// loaded rows do not fill the screen, or while a filter is set (it must see every program).
    static func loadMoreProgramsIfNeeded(_ state: inout AppState) -> [Effect] {
        let list = state.programs
        guard list.hasMore, !list.isLoading, let cursor = list.nextCursor else { return [] }

        let visibleCount = list.visibleItems.count
        let rows = ListScreenLayout.programs(state).tableRows.height
        let nearEnd = list.selection.index >= visibleCount - 5
        guard nearEnd || visibleCount < rows || !list.filter.text.isEmpty else { return [] }
        return requestPrograms(cursor: cursor, limit: ProgramsListState.pageSize, &state)
    }

    /// Keeps the program `id` selected after the list changed.
    private static func reselect(_ id: String?, _ state: inout AppState) {
        if let id, let index = state.programs.visibleItems.firstIndex(where: { $0.id == id }) {
            state.programs.selection.index = index
        }
        clampSelections(&state)
    }

    static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .programs:
            return reloadPrograms(&state)
        case .stripeSettings(let programID):
            let events = state.eventLogs[programID]?.isUnavailable == true ? [] : reloadStripeEvents(programID, &state)
            return requestStripeConnection(programID, &state) + events + reloadPrograms(&state)
        case .stripeEvents(let programID):
            return reloadStripeEvents(programID, &state)
        default:
            return []
        }
    }

    static func openSelectedStripeSettings(_ state: inout AppState) -> [Effect] {
        guard let programID = state.targetProgramID else { return [] }
        return openStripeSettings(programID, &state)
    }

    /// Shows Program Settings > Stripe for `programID` and loads its connection, and its
    /// events log for the count of rejected deliveries.
    static func openStripeSettings(_ programID: String, _ state: inout AppState) -> [Effect] {
        state.stack.append(.stripeSettings(programID: programID))
        state.settingsScroll = 0
        var effects = requestStripeConnection(programID, &state)
        if state.eventLogs[programID]?.isUnavailable != true {
            effects += reloadStripeEvents(programID, &state)
        }
        if state.knownPrograms[programID] == nil {
            effects.append(.loadProgram(id: programID))
        }
        return effects
    }
}
