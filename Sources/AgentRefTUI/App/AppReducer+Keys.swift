/// Key handling: every key goes through the binding table, except printable characters
/// typed into a filter.
extension AppReducer {
    static func handleKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let binding = KeyBindings.binding(for: key, in: state) {
            if let reason = binding.disabledReason(state) {
                showMessage("\(key.displayName) is unavailable: \(reason).", .info, &state)
                return []
            }
            return perform(binding.action, &state)
        }

        if KeyBindings.isFilterEditing(state), state.overlay == nil, case .character(let character) = key {
            editFilter(&state) { $0.text.append(character) }
            return state.screen == .programs ? loadMoreProgramsIfNeeded(&state) : []
        }
        return []
    }

    /// Performs a binding's action.
    static func perform(_ action: BindingAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .moveUp: return move(by: -1, &state)
        case .moveDown: return move(by: 1, &state)
        case .pageUp: return move(by: -pageSize(state), &state)
        case .pageDown: return move(by: pageSize(state), &state)
        case .moveToTop: return move(by: Int.min / 2, &state)
        case .moveToBottom: return move(by: ProgramsListState.moveToEnd, &state)
        case .open, .openStripeSettings: return openSelectedStripeSettings(&state)
        case .openStripeEvents: return openSelectedStripeEvents(&state)
        case .cycleSort, .reverseSort: return changeSort(action, &state)
        case .back: return back(&state)
        case .quit: return quit(&state)
        case .toggleHelp: return toggleHelp(&state)
        case .startFilter, .finishFilter, .clearFilter, .deleteFilterCharacter: return performFilter(action, &state)
        case .connectStripe: return startConnect(&state)
        case .disconnectStripe: return askToDisconnect(&state)
        case .openFeed: return openFeed(programID: feedScopeForKey(state), &state)
        case .refresh: return refresh(&state)
        case .togglePause: return togglePause(&state)
        case .copyAuthURL: return state.connect?.authURL.map { [.copyToClipboard($0)] } ?? []
        case .openAuthURL: return state.connect?.authURL.map { [.openURL($0)] } ?? []
        case .confirm: return confirmDisconnect(&state)
        case .cancel: return closeDisconnectDialog(&state)
        }
    }

    // MARK: Navigation

    private static func move(by delta: Int, _ state: inout AppState) -> [Effect] {
        if case .help(let scroll) = state.overlay {
            let maxScroll = HelpLayout(state: state).maxScroll
            state.overlay = .help(scroll: max(0, min(maxScroll, scroll + delta)))
            return []
        }

        switch state.screen {
        case .programs:
            return moveProgramSelection(by: delta, &state)
        case .stripeSettings(let programID):
            let maxScroll = StripeSettingsContent(state: state, programID: programID)?.maxScroll ?? 0
            state.settingsScroll = max(0, min(maxScroll, state.settingsScroll + delta))
            return []
        case .stripeEvents(let programID):
            guard var log = state.eventLogs[programID] else { return [] }
            let rows = ListScreenLayout.stripeEvents(state).tableRows.height
            log.selection.move(by: delta, count: log.events.count, viewport: rows)
            state.eventLogs[programID] = log
            return loadMoreStripeEventsIfNeeded(&state)
        case .feed:
            guard var feed = state.feed else { return [] }
            let rows = ListScreenLayout.feed(state).tableRows.height
            feed.selection.move(by: delta, count: feed.visibleEntries.count, viewport: rows)
            state.feed = feed
            return []
        default:
            return []
        }
    }

    /// Rows PgUp and PgDn move: the rows of the list in view, or the text in view less
    /// one line (two on Program Settings > Stripe, whose last row shows the position), so
    /// a line stays in view across the jump.
    private static func pageSize(_ state: AppState) -> Int {
        switch state.overlay {
        case .help: return max(1, HelpLayout(state: state).content.height - 1)
        default: break
        }
        if case .stripeSettings = state.screen {
            return max(1, StripeSettingsContent.area(state).height - 2)
        }
        return max(1, ListScreenLayout.forScreen(state).tableRows.height)
    }

    private static func back(_ state: inout AppState) -> [Effect] {
        if clearFilterIfActive(&state) { return [] }
        return popScreen(&state)
    }

    /// Leaves the screen shown, stopping what belongs to it.
    static func popScreen(_ state: inout AppState) -> [Effect] {
        guard state.stack.count > 1 else { return [] }

        let leaving = state.stack.removeLast()
        switch leaving {
        case .feed:
            state.feed = nil
            return [.stopFeed]
        case .connect:
            state.connect = nil
            return state.screen.programID.map { requestStripeConnection($0, &state) } ?? []
        default:
            return []
        }
    }

    private static func quit(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        return state.feed == nil ? [] : [.stopFeed]
    }

    private static func toggleHelp(_ state: inout AppState) -> [Effect] {
        if case .help = state.overlay {
            state.overlay = nil
        } else if state.overlay == nil {
            state.overlay = .help(scroll: 0)
        }
        return []
    }

    /// From the programs list the feed covers every program; from a program's screen, that program.
    private static func feedScopeForKey(_ state: AppState) -> String? {
        state.screen == .programs ? nil : state.screen.programID
    }

    // MARK: Sort

    /// Cycles the sort column or reverses the direction, keeping the selected program selected.
    private static func changeSort(_ action: BindingAction, _ state: inout AppState) -> [Effect] {
        let selected = state.programs.selectedProgram
        if action == .cycleSort {
            state.programs.sort.cycleColumn()
        } else {
            state.programs.sort.reverse()
        }
        state.programs.pendingMove = 0
        reselect(selected, &state)
        return loadMoreProgramsIfNeeded(&state)
    }

    // MARK: Filter

    private static func performFilter(_ action: BindingAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .startFilter:
            editFilter(&state) { $0.isEditing = true }
        case .finishFilter:
            editFilter(&state) { $0.isEditing = false }
        case .clearFilter:
            editFilter(&state) { $0 = FilterState() }
        case .deleteFilterCharacter:
            editFilter(&state) { filter in
                if !filter.text.isEmpty { filter.text.removeLast() }
            }
        default:
            break
        }
        return state.screen == .programs ? loadMoreProgramsIfNeeded(&state) : []
    }

    /// Clears the filter of the screen shown; returns false when there was none.
    private static func clearFilterIfActive(_ state: inout AppState) -> Bool {
        let isActive: Bool
        switch state.screen {
        case .programs: isActive = state.programs.filter.isActive
        case .feed: isActive = state.feed?.filter.isActive ?? false
        default: isActive = false
        }
        if isActive { editFilter(&state) { $0 = FilterState() } }
        return isActive
    }

    /// Changes the filter of the screen shown. On the programs list the selected program
    /// stays selected while it matches; otherwise, and in the feed, the selection goes to
    /// the first match.
    private static func editFilter(_ state: inout AppState, _ change: (inout FilterState) -> Void) {
        switch state.screen {
        case .programs:
            let before = state.programs.filter.text
            let selectedID = state.programs.selectedProgram?.id
            change(&state.programs.filter)
            if state.programs.filter.text != before {
                let index = state.programs.visibleItems.firstIndex { $0.id == selectedID }
                state.programs.selection = ListSelection(index: index ?? 0, offset: 0)
                state.programs.pendingMove = 0
            }
        case .feed:
            guard var feed = state.feed else { return }
            let before = feed.filter.text
            change(&feed.filter)
            if feed.filter.text != before { feed.selection = ListSelection() }
            state.feed = feed
        default:
            return
        }
        clampSelections(&state)
    }
}
