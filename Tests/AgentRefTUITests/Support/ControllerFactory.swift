@testable import AgentRefTUI
import Foundation

extension DashboardController {
    /// Makes a controller on `service` and `terminal` with the default theme, UTC times,
    /// no browser opener and a clock that moves only with `clock`.
    static func forTests(service: FakeAgentRefService, terminal: InMemoryTerminal, clock: ManualClock) throws
        -> DashboardController {
        DashboardController(
            service: service,
            terminal: terminal,
            theme: try ThemeCatalog(searchDirectories: []).theme(named: "default"),
            log: .silent,
            opener: URLOpener(environment: ["PATH": "/nonexistent"]),
            timeZone: Fixtures.utc,
            clock: { clock.now }
        )
    }
}
