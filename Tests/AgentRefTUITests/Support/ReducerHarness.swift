@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import Foundation

/// Drives `AppReducer` directly, keeping the state and every effect returned, and renders
/// frames with a theme. No terminal and no service are involved.
struct ReducerHarness {
    var state: AppState
    private(set) var effects: [Effect] = []
    let theme: Theme

    init(size: TerminalSize = TerminalSize(width: 120, height: 40), themeName: String = "default") {
        state = AppState(size: size, now: Fixtures.now, timeZone: Fixtures.utc, serverURL: "http://127.0.0.1:8420/api/v1")
        theme = try! ThemeCatalog(searchDirectories: []).theme(named: themeName)
    }

    /// Makes a harness after start, with `programs` loaded as one page.
    static func withPrograms(_ programs: [Program] = Fixtures.programs, size: TerminalSize = TerminalSize(width: 120, height: 40)) -> ReducerHarness {
        var harness = ReducerHarness(size: size)
        harness.send(.start(programID: nil, opensFeed: false))
        harness.send(.programsLoaded(page(programs), replacing: true))
        harness.clearEffects()
        return harness
    }

    static func page(_ programs: [Program], total: Int? = nil, nextCursor: String? = nil) -> Page<Program> {
        Page(items: programs, total: total ?? programs.count, page: 1, pageSize: 50, hasMore: nextCursor != nil,
             nextCursor: nextCursor)
    }

    /// Applies `action` and returns the effects it produced.
    @discardableResult
    mutating func send(_ action: AppAction) -> [Effect] {
        let produced = AppReducer.reduce(&state, action)
        effects += produced
        return produced
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { send(.key($0)) }
    }

    /// Types `text` one character at a time.
    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Moves the clock on by `seconds` and ticks.
    @discardableResult
    mutating func advance(_ seconds: TimeInterval) -> [Effect] {
        send(.tick(state.now.addingTimeInterval(seconds)))
    }

    mutating func clearEffects() {
        effects = []
    }

    mutating func resize(_ width: Int, _ height: Int) {
        send(.resize(TerminalSize(width: width, height: height)))
    }

    func render() -> CellBuffer {
        DashboardRenderer.render(state, theme: theme)
    }

    var lines: [String] { render().textLines() }

    /// The frame as one string, for `contains` checks.
    var screenText: String { lines.joined(separator: "\n") }
}
