import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation

/// Runs the dashboard: reads input, feeds actions to `AppReducer`, performs the effects it
/// returns against the service, and draws frames.
///
/// The loop is synchronous on the calling (main) thread. Service calls run in tasks that
/// post their results to an `ActionInbox`, which the loop drains on every pass.
final class DashboardController {
    private(set) var state: AppState
    let service: any AgentRefService
    let terminal: any TerminalBackend
    private let theme: Theme
    let log: Logger
    let opener: URLOpener
    private let clock: @Sendable () -> Date
    let inbox = ActionInbox()
    var feedTask: Task<Void, Never>?
    private var lastDrawn: AppState?
    private var lastTick = Date.distantPast

    /// Milliseconds the loop waits for a key before doing other work.
    static let inputTimeoutMilliseconds: Int32 = 50
    /// Seconds between ticks, which drive polling and the spinner.
    static let tickInterval: TimeInterval = 0.1

    init(
        service: any AgentRefService,
        terminal: any TerminalBackend,
        theme: Theme,
        log: Logger,
        opener: URLOpener,
        enablesMouse: Bool = false,
        timeZone: TimeZone = .current,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.service = service
        self.terminal = terminal
        self.theme = theme
        self.log = log
        self.opener = opener
        self.clock = clock
        let serverURL = Self.displayText(of: service.baseURL)
        state = AppState(size: terminal.size, now: clock(), timeZone: timeZone, serverURL: serverURL)
        state.isMouseEnabled = enablesMouse
    }

    /// Returns `url` without any user name or password, for the status line.
    static func displayText(of url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return url.absoluteString
        }
        components.user = nil
        components.password = nil
        return components.string ?? url.absoluteString
    }

    /// Runs until `q`, Ctrl-C or a termination signal, then restores the terminal.
    ///
    /// - Returns: The exit code: 0 after `q`, 128 plus the signal number after a signal.
    func run(programID: String?, opensFeed: Bool) -> Int32 {
        log.info("dashboard started", [.url: state.serverURL, .theme: theme.name])
        start(programID: programID, opensFeed: opensFeed)

        while !state.isQuitting, terminal.terminationSignal == nil {
            step()
        }
        return finish()
    }

    /// Sends the start action and draws the first frame. `run` calls it, and tests call it before `step`.
    func start(programID: String?, opensFeed: Bool) {
        dispatch(.start(programID: programID, opensFeed: opensFeed))
        draw()
    }

    /// Runs one pass of the loop: waits briefly for input, applies it and any results,
    /// ticks, and draws the frame when the state changed.
    func step(timeoutMilliseconds: Int32 = DashboardController.inputTimeoutMilliseconds) {
        if let event = terminal.nextEvent(timeoutMilliseconds: timeoutMilliseconds) {
            handle(event)
        }
        for action in inbox.drain() {
            dispatch(action)
        }

        let now = clock()
        if now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            dispatch(.tick(now))
        }
        draw()
    }

    private func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            dispatch(.key(key))
        case .resize(let size):
            dispatch(.resize(size))
        case .mouse(let event):
            dispatch(.mouse(event))
        }
    }

    private func finish() -> Int32 {
        feedTask?.cancel()
        feedTask = nil
        terminal.restore()

        let code = terminal.terminationSignal.map { 128 + $0 } ?? 0
        let signal = terminal.terminationSignal.map(String.init) ?? "none"
        log.info("dashboard stopped", [.exitCode: String(code), .signal: signal])
        return code
    }

    func dispatch(_ action: AppAction) {
        let effects = AppReducer.reduce(&state, action)
        effects.forEach(perform)
    }

    private func draw() {
        guard state != lastDrawn else { return }

        terminal.draw(DashboardRenderer.render(state, theme: theme))
        lastDrawn = state
    }

    /// Converts any error to an `AgentRefClientError`, the only kind the service documents.
    static func clientError(from error: Error) -> AgentRefClientError {
        if let clientError = error as? AgentRefClientError { return clientError }
        return AgentRefClientError(code: "UNEXPECTED_ERROR", status: nil, message: String(describing: error))
    }

    static func logMetadata(_ request: ServiceRequest, _ error: AgentRefClientError) -> [LogKey: String] {
        var metadata: [LogKey: String] = [.error: error.description, .request: String(describing: request)]
        switch request {
        case .program(let id): metadata[.programID] = id
        case .stripeConnection(let id), .connectStripe(let id), .disconnectStripe(let id): metadata[.programID] = id
        case .stripeEvents(let id, _): metadata[.programID] = id
        case .programs: break
        }
        if let requestID = error.requestID { metadata[.requestID] = requestID }
        return metadata
    }
}
