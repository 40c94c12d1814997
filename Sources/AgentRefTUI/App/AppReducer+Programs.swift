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

    /// Reloads from the first page. With programs loaded, the pages are collected in
    /// `ProgramsListState.reload` until there are as many as before, so the list keeps its
    /// length and the selection stays on the same program.
    static func reloadPrograms(_ state: inout AppState) -> [Effect] {
        let loaded = state.programs.items.count
        let reload = ProgramsReload(targetCount: loaded)
        let effects = requestPrograms(cursor: nil, limit: reload.nextPageSize, &state)
        if !effects.isEmpty, loaded > 0 {
            state.programs.reload = reload
        }
        return effects
    }

    static func programsLoaded(_ page: Page<Program>, replacing: Bool, _ state: inout AppState) -> [Effect] {
        state.programs.isLoading = false
        for program in page.items {
            state.knownPrograms[program.id] = program
        }
        state.health.recordSuccess(at: state.now)

        guard var reload = state.programs.reload else {
            showPrograms(page.items, replacing: replacing, from: page, &state)
            return continuePendingMove(&state)
        }

        reload.add(page.items)
        let serverHasMore = page.hasMore && page.nextCursor != nil
        let selectedID = state.programs.selectedProgram?.id
        if let cursor = page.nextCursor, reload.needsMorePages(selectedID: selectedID, serverHasMore: serverHasMore) {
            state.programs.reload = reload
            return requestPrograms(cursor: cursor, limit: reload.nextPageSize, &state)
        }
        state.programs.reload = nil
        showPrograms(reload.items, replacing: true, from: page, &state)
        return continuePendingMove(&state)
    }

    /// Puts `items` in the list, in place of the programs shown or after them, keeping the
    /// selected program selected. `page` is the last page loaded, for the cursor and total.
    private static func showPrograms(_ items: [Program], replacing: Bool, from page: Page<Program>,
                                     _ state: inout AppState) {
        let selected = state.programs.selectedProgram
        var list = state.programs
        if replacing {
            list.items = items
        } else {
            let known = Set(list.items.map(\.id))
            list.items += items.filter { !known.contains($0.id) }
        }
        list.nextCursor = page.nextCursor
        list.hasMore = page.hasMore && page.nextCursor != nil
        list.total = page.total
        list.lastLoadedAt = state.now
        state.programs = list
        reselect(selected, &state)
    }

    /// Moves the programs selection by `delta` rows. A move down past the loaded programs,
    /// while the server has more, is kept in `pendingMove` and finished as pages arrive.
    static func moveProgramSelection(by delta: Int, _ state: inout AppState) -> [Effect] {
        let rows = ListScreenLayout.programs(state).tableRows.height
        let target = state.programs.selection.index + delta
        state.programs.selection.move(by: delta, count: state.programs.visibleItems.count, viewport: rows)

        let remainder = target - state.programs.selection.index
        state.programs.pendingMove = delta > 0 && remainder > 0 && state.programs.hasMore ? remainder : 0
        return loadMoreProgramsIfNeeded(&state)
    }

    /// Finishes a move that waited for programs to load, else loads more when needed.
    private static func continuePendingMove(_ state: inout AppState) -> [Effect] {
        let pending = state.programs.pendingMove
        guard pending > 0 else { return loadMoreProgramsIfNeeded(&state) }

        state.programs.pendingMove = 0
        return moveProgramSelection(by: pending, &state)
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

    /// Keeps `program` selected after the list changed. When it is no longer in the list
    /// (deleted, renamed out of the filter, or beyond the reloaded pages), the selection
    /// keeps its row and the message line reports the change.
    static func reselect(_ program: Program?, _ state: inout AppState) {
        defer { clampSelections(&state) }
        guard let program else { return }

        if let index = state.programs.visibleItems.firstIndex(where: { $0.id == program.id }) {
            state.programs.selection.index = index
            return
        }
        clampSelections(&state)
        let now = state.programs.selectedProgram.map { "; \($0.name) is selected now" } ?? ""
        showMessage("\(program.name) is no longer in the loaded list\(now).", .info, &state)
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
