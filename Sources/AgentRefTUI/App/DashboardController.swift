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
    private let service: any AgentRefService
    private let terminal: any TerminalBackend
    private let theme: Theme
    private let log: Logger
    private let opener: URLOpener
    private let clock: @Sendable () -> Date
    private let inbox = ActionInbox()
    private var feedTask: Task<Void, Never>?
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
        timeZone: TimeZone = .current,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.service = service
        self.terminal = terminal
        self.theme = theme
        self.log = log
        self.opener = opener
        self.clock = clock
        state = AppState(size: terminal.size, now: clock(), timeZone: timeZone, serverURL: Self.displayText(of: service.baseURL))
    }

    /// Returns `url` without any user name or password, for the status line.
    static func displayText(of url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
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
        }
    }

    private func finish() -> Int32 {
        feedTask?.cancel()
        feedTask = nil
        terminal.restore()

        let code = terminal.terminationSignal.map { 128 + $0 } ?? 0
        log.info("dashboard stopped", [.exitCode: String(code), .signal: terminal.terminationSignal.map(String.init) ?? "none"])
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

    // MARK: Effects

    private func perform(_ effect: Effect) {
        switch effect {
        case .loadPrograms(let cursor, let limit):
            request(.programs(cursor: cursor)) { service in
                .programsLoaded(try await service.programs(cursor: cursor, limit: limit), replacing: cursor == nil)
            }
        case .loadProgram(let id):
            request(.program(id: id)) { .programLoaded(try await $0.program(id: id)) }
        case .loadStripeConnection(let programID):
            request(.stripeConnection(programID: programID)) {
                .stripeConnectionLoaded(try await $0.stripeConnection(programID: programID))
            }
        case .connectStripe(let programID):
            log.info("connect stripe requested", [.programID: programID])
            request(.connectStripe(programID: programID)) {
                .connectStripeFinished(try await $0.connectStripe(programID: programID))
            }
        case .disconnectStripe(let programID):
            log.info("disconnect stripe requested", [.programID: programID])
            request(.disconnectStripe(programID: programID)) {
                .disconnectStripeFinished(try await $0.disconnectStripe(programID: programID))
            }
        case .startFeed(let generation, let programID, let backlog):
            startFeed(generation: generation, programID: programID, backlog: backlog)
        case .stopFeed:
            stopFeed()
        case .copyToClipboard(let text):
            terminal.writeOutOfBand(OSC52.sequence(copying: text))
            log.info("authorization url sent to clipboard", [.count: String(text.count)])
            dispatch(.clipboardWritten(characters: text.count))
        case .openURL(let url):
            openURL(url)
        }
    }

    /// Runs `call` in a task and posts its result, or the failure as `requestFailed`.
    private func request(_ request: ServiceRequest, _ call: @escaping @Sendable (any AgentRefService) async throws -> AppAction) {
        let service = self.service
        let inbox = self.inbox
        let log = self.log
        Task.detached {
            let result: Result<AppAction, Error>
            do {
                result = .success(try await call(service))
            } catch {
                result = .failure(error)
            }
            switch result {
            case .success(let action):
                inbox.post(action)
            case .failure(let error):
                let failure = DashboardController.clientError(from: error)
                log.warning("request failed", DashboardController.logMetadata(request, failure))
                inbox.post(.requestFailed(request, failure))
            }
        }
    }

    private func startFeed(generation: Int, programID: String?, backlog: Int) {
        stopFeed()
        log.info("feed started", [.programID: programID ?? "all", .feedGeneration: String(generation)])

        let service = self.service
        let inbox = self.inbox
        feedTask = Task.detached {
            for await update in service.conversionFeed(programID: programID, backlog: backlog) {
                if Task.isCancelled { break }
                inbox.post(.feedUpdated(update, generation: generation))
            }
        }
    }

    private func stopFeed() {
        guard let feedTask else { return }

        feedTask.cancel()
        self.feedTask = nil
        log.info("feed stopped")
    }

    private func openURL(_ url: String) {
        let outcome = opener.open(url)
        switch outcome {
        case .opened(let command):
            log.info("authorization url opened", [.command: command])
        case .noOpener:
            log.warning("no browser opener found", [.reason: "BROWSER unset and xdg-open missing"])
        case .failed(let command, let message):
            log.error("opening authorization url failed", [.command: command, .error: message])
        }
        dispatch(.urlOpenFinished(outcome))
    }

    /// Converts any error to an `AgentRefClientError`, the only kind the service documents.
    static func clientError(from error: Error) -> AgentRefClientError {
        if let clientError = error as? AgentRefClientError { return clientError }
        return AgentRefClientError(code: "UNEXPECTED_ERROR", status: nil, message: String(describing: error))
    }

    private static func logMetadata(_ request: ServiceRequest, _ error: AgentRefClientError) -> [LogKey: String] {
        var metadata: [LogKey: String] = [.error: error.description, .request: String(describing: request)]
        switch request {
        case .program(let id): metadata[.programID] = id
        case .stripeConnection(let id), .connectStripe(let id), .disconnectStripe(let id): metadata[.programID] = id
        case .programs: break
        }
        if let requestID = error.requestID { metadata[.requestID] = requestID }
        return metadata
    }
}
