/// Mouse input, reported only with `--mouse`: the wheel moves like the arrow keys, a click
/// on a table row selects it, a click on the selected program opens it, and a click on a
/// key hint acts like its key.
extension AppReducer {
    static func handleMouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard !state.size.isBelowMinimum else { return [] }

        switch event.kind {
        case .wheelUp:
            return handleKey(.up, &state)
        case .wheelDown:
            return handleKey(.down, &state)
        case .press:
            return click(x: event.x, y: event.y, &state)
        }
    }

    private static func click(x: Int, y: Int, _ state: inout AppState) -> [Effect] {
        let frame = FrameLayout(state: state)
        if y == frame.hints.y {
            return clickHint(x: x, frame: frame, &state)
        }
        guard state.overlay == nil else { return [] }

        let rows = ListScreenLayout.forScreen(state).tableRows
        guard rows.rows.contains(y), rows.columns.contains(x) else { return [] }
        return clickRow(y - rows.y, &state)
    }

    /// Performs the binding of the key hint under column `x`, unless it is unusable now.
    private static func clickHint(x: Int, frame: FrameLayout, _ state: inout AppState) -> [Effect] {
        guard let placement = KeyHintBar.placements(state, in: frame.hints).first(where: { $0.columns.contains(x) })
        else { return [] }

        if let reason = placement.binding.disabledReason(state) {
            showMessage("\(placement.binding.keys[0].displayName) is unavailable: \(reason).", .info, &state)
            return []
        }
        return perform(placement.binding.action, &state)
    }

    /// Selects the row `line` rows below the top of the table shown.
    private static func clickRow(_ line: Int, _ state: inout AppState) -> [Effect] {
        switch state.screen {
        case .programs:
            let index = state.programs.selection.offset + line
            guard index < state.programs.visibleItems.count else { return [] }
            if index == state.programs.selection.index, !KeyBindings.isFilterEditing(state) {
                return openSelectedStripeSettings(&state)
            }
            state.programs.selection.index = index
            return loadMoreProgramsIfNeeded(&state)
        case .stripeEvents(let programID):
            guard var log = state.eventLogs[programID], log.selection.offset + line < log.events.count else {
                return []
            }
            log.selection.index = log.selection.offset + line
            state.eventLogs[programID] = log
            return loadMoreStripeEventsIfNeeded(&state)
        case .feed:
            guard var feed = state.feed, feed.selection.offset + line < feed.visibleEntries.count else { return [] }
            feed.selection.index = feed.selection.offset + line
            state.feed = feed
            return []
        case .stripeSettings, .connect:
            return []
        }
    }
}
