/// Renders the whole dashboard: a pure function from state to a cell buffer.
enum DashboardRenderer {
    static func render(_ state: AppState, theme: Theme) -> CellBuffer {
        var buffer = CellBuffer(size: state.size, style: theme[.base])
        if state.size.isBelowMinimum {
            TooSmallScreen.render(size: state.size, theme: theme, into: &buffer)
            return buffer
        }

        let frame = FrameLayout(state: state)
        TitleBar.render(crumbs(state), in: frame.title, theme: theme, into: &buffer)
        if let banner = frame.banner {
            OfflineBanner.render(serverURL: state.serverURL, in: banner, theme: theme, into: &buffer)
        }
        renderScreen(state, theme: theme, into: &buffer)
        MessageLine.render(state.message, in: frame.message, theme: theme, into: &buffer)
        StatusLine.render(state, in: frame.status, theme: theme, into: &buffer)
        KeyHintBar.render(state, in: frame.hints, theme: theme, into: &buffer)
        renderOverlay(state, theme: theme, into: &buffer)
        return buffer
    }

    private static func crumbs(_ state: AppState) -> [String] {
        switch state.screen {
        case .programs: ProgramsScreen.crumbs(state)
        case .stripeSettings(let programID): StripeSettingsScreen.crumbs(state, programID: programID)
        case .connect(let programID): ConnectScreen.crumbs(state, programID: programID)
        case .stripeEvents(let programID): StripeEventsScreen.crumbs(state, programID: programID)
        case .feed: FeedScreen.crumbs(state)
        }
    }

    private static func renderScreen(_ state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        switch state.screen {
        case .programs:
            ProgramsScreen.render(state, theme: theme, into: &buffer)
        case .stripeSettings(let programID):
            StripeSettingsScreen.render(state, programID: programID, theme: theme, into: &buffer)
        case .connect:
            ConnectScreen.render(state, theme: theme, into: &buffer)
        case .stripeEvents(let programID):
            StripeEventsScreen.render(state, programID: programID, theme: theme, into: &buffer)
        case .feed:
            FeedScreen.render(state, theme: theme, into: &buffer)
        }
    }

    private static func renderOverlay(_ state: AppState, theme: Theme, into buffer: inout CellBuffer) {
        switch state.overlay {
        case .help(let scroll):
            HelpOverlay.render(state, scroll: scroll, theme: theme, into: &buffer)
        case .disconnect(let dialog):
            DisconnectDialog.render(dialog, state: state, theme: theme, into: &buffer)
        case nil:
            break
        }
    }
}
