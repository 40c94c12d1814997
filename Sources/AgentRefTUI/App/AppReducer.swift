import AgentRefClient
import AgentRefDomain
import Foundation

/// The dashboard's rules: applies an action to the state and returns the effects to
/// perform. It does no I/O and never reads the clock, so tests drive it directly.
enum AppReducer {
    /// Applies `action` to `state`.
    ///
    /// - Returns: Effects for `DashboardController` to perform, in order.
    static func reduce(_ state: inout AppState, _ action: AppAction) -> [Effect] {
        let scope = messageScope(state)
        let message = state.message
        let effects = apply(action, &state)
        // A message belongs to the screen it was shown on, so leaving the screen or opening
        // an overlay clears it, unless this action showed it.
        if state.message == message, messageScope(state) != scope {
            state.message = nil
        }
        // Messages, the offline banner and new data all change how many rows a list shows.
        clampSelections(&state)
        return effects
    }

    /// Returns the part of the dashboard a message belongs to: the screen and the kind of overlay.
    private static func messageScope(_ state: AppState) -> MessageScope {
        let overlay: MessageScope.Overlay? = switch state.overlay {
        case .help: .help
        case .disconnect: .dialog
        case nil: nil
        }
        return MessageScope(screen: state.screen, overlay: overlay)
    }

    private struct MessageScope: Equatable {
        enum Overlay: Equatable {
            case help
            case dialog
        }

        var screen: Screen
        var overlay: Overlay?
    }

    private static func apply(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .start(let programID, let opensFeed):
            return start(&state, programID: programID, opensFeed: opensFeed)
        case .key(let key):
            return handleKey(key, &state)
        case .resize(let size):
            state.size = size
            return []
        case .tick(let now):
            state.now = displayClock(now, state)
            return scheduledEffects(&state)
        case .programsLoaded(let page, let replacing):
            return programsLoaded(page, replacing: replacing, &state)
        case .programLoaded(let program):
            remember(program, &state)
            state.health.recordSuccess(at: state.now)
            return []
        case .stripeConnectionLoaded(let connection):
            return stripeConnectionLoaded(connection, &state)
        case .stripeEventsLoaded(let programID, let log, let replacing):
            return stripeEventsLoaded(programID: programID, log, replacing: replacing, &state)
        case .connectStripeFinished(let result):
            return connectStripeFinished(result, &state)
        case .disconnectStripeFinished(let result):
            return disconnectStripeFinished(result, &state)
        case .feedUpdated(let update, let generation):
            feedUpdated(update, generation: generation, &state)
            return []
        case .requestFailed(let request, let error):
            return requestFailed(request, error, &state)
        case .clipboardWritten(let characters):
            clipboardWritten(characters: characters, &state)
            return []
        case .urlOpenFinished(let outcome):
            urlOpenFinished(outcome, &state)
            return []
        case .mouse(let event):
            return handleMouse(event, &state)
        }
    }

    /// Opens the start screens and requests the first data.
    private static func start(_ state: inout AppState, programID: String?, opensFeed: Bool) -> [Effect] {
        var effects = requestPrograms(cursor: nil, limit: ProgramsListState.pageSize, &state)
        if let programID {
            effects += openStripeSettings(programID, &state)
        }
        if opensFeed {
            effects += openFeed(programID: programID, &state)
        }
        return effects
    }

    /// Shows `text` on the message line.
    static func showMessage(_ text: String, _ kind: StatusMessage.Kind, _ state: inout AppState) {
        state.message = StatusMessage(text: text, kind: kind, shownAt: state.now)
    }

    /// Records `program` under its id, and in the list when it is there.
    static func remember(_ program: Program, _ state: inout AppState) {
        state.knownPrograms[program.id] = program
        if let index = state.programs.items.firstIndex(where: { $0.id == program.id }) {
            state.programs.items[index] = program
        }
    }

    /// Keeps every selection valid after the size or a list changed.
    static func clampSelections(_ state: inout AppState) {
        let programRows = ListScreenLayout.programs(state).tableRows.height
        state.programs.selection.clamp(count: state.programs.visibleItems.count, viewport: programRows)

        if case .stripeSettings(let programID) = state.screen {
            let maxScroll = StripeSettingsContent(state: state, programID: programID)?.maxScroll ?? 0
            state.settingsScroll = min(state.settingsScroll, maxScroll)
        }
        if case .stripeEvents(let programID) = state.screen, var log = state.eventLogs[programID] {
            let eventRows = ListScreenLayout.stripeEvents(state).tableRows.height
            log.selection.clamp(count: log.events.count, viewport: eventRows)
            state.eventLogs[programID] = log
        }
        if var feed = state.feed {
            let feedRows = ListScreenLayout.feed(state).tableRows.height
            feed.selection.clamp(count: feed.visibleEntries.count, viewport: feedRows)
            state.feed = feed
        }
        if case .help(let scroll) = state.overlay {
            state.overlay = .help(scroll: min(scroll, HelpLayout(state: state).maxScroll))
        }
    }

    /// The time kept in the state: exact on the connect screen, whose spinner moves ten
    /// times a second, and whole seconds elsewhere, so an idle screen changes, and is drawn,
    /// once a second instead of on every tick.
    static func displayClock(_ now: Date, _ state: AppState) -> Date {
        if case .connect = state.screen { return now }
        return Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    }
}
