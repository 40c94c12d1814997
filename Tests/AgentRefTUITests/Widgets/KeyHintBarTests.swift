@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class KeyHintBarTests: XCTestCase {
    /// Builds the dashboard at 80×24 on every screen, with and without overlays and filters.
    private func statesAt80Columns() -> [(String, AppState)] {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        var states: [(String, AppState)] = [("programs", harness.state)]
        harness.press(.character("/"))
        states.append(("typing a filter", harness.state))
        harness.press(.escape, .character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        states.append(("settings", harness.state))
        harness.press(.character("e"))
        states.append(("events log", harness.state))
        harness.press(.escape, .character("d"))
        states.append(("disconnect dialog", harness.state))
        harness.press(.escape, .character("f"))
        states.append(("feed", harness.state))
        harness.press(.character("?"))
        states.append(("help", harness.state))
        harness.press(.escape, .escape, .escape, .down, .character("c"))
        states.append(("connect", harness.state))
        return states
    }

    func testHintsFitAt80Columns() {
        for (name, state) in statesAt80Columns() {
            let hints = DashboardRenderer.render(state, theme: ReducerHarness().theme).textLines()[23]
            let used = DisplayWidth.of(hints.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            XCTAssertLessThanOrEqual(used, 79, "\(name): \(hints)")
            let placements = KeyHintBar.placements(state, in: Rect(x: 0, y: 23, width: 80, height: 1))
            XCTAssertLessThanOrEqual(placements.last?.columns.upperBound ?? 0, 80, name)
        }
    }

    func testEveryScreenKeepsHelpAndQuitAt80Columns() {
        // While a filter is typed, ? and q are text, so the bar offers Enter and Esc instead.
        for (name, state) in statesAt80Columns() where !KeyBindings.isFilterEditing(state) {
            let bar = Rect(x: 0, y: 23, width: 80, height: 1)
            let actions = KeyHintBar.placements(state, in: bar).map(\.binding.action)
            XCTAssertTrue(actions.contains(.toggleHelp), name)
            if state.overlay == nil {
                XCTAssertTrue(actions.contains(.quit), name)
            }
        }
    }

    func testHelpHintSaysMoreWhenHintsAreDropped() {
        let state = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24)).state
        let labels = KeyHintBar.placements(state, in: Rect(x: 0, y: 23, width: 80, height: 1)).map(\.label)
        XCTAssertTrue(labels.contains("more"))
        XCTAssertFalse(labels.contains("help"))
    }

    func testHelpHintSaysHelpWhenAllFit() {
        let state = ReducerHarness.withPrograms(size: TerminalSize(width: 200, height: 40)).state
        let labels = KeyHintBar.placements(state, in: Rect(x: 0, y: 39, width: 200, height: 1)).map(\.label)
        XCTAssertTrue(labels.contains("help"))
        XCTAssertTrue(labels.contains("refresh"))
    }

    func testSecondaryHintsGoBeforePrimary() {
        let state = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24)).state
        let actions = KeyHintBar.placements(state, in: Rect(x: 0, y: 23, width: 80, height: 1)).map(\.binding.action)
        XCTAssertTrue(actions.contains(.cycleSort))
        XCTAssertTrue(actions.contains(.connectStripe))
        XCTAssertFalse(actions.contains(.refresh))
    }

    func testBackHiddenOnFirstScreen() {
        let state = ReducerHarness.withPrograms(size: TerminalSize(width: 200, height: 40)).state
        let actions = KeyBindings.footerBindings(in: state).map(\.action)
        XCTAssertFalse(actions.contains(.back))
    }

    func testStatusLineShowsAPIAndLiveStreamApart() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        XCTAssertTrue(harness.lines[38].contains("API ok · live off"))
        harness.press(.character("f"))
        harness.send(.feedUpdated(.connection(.streaming), generation: 1))
        XCTAssertTrue(harness.lines[38].contains("API ok · live streaming"))
        let refused = AgentRefClientError(code: AgentRefClientError.networkErrorCode, status: nil, message: "refused")
        harness.send(.requestFailed(.programs(cursor: nil), refused))
        XCTAssertTrue(harness.lines[38].contains("API unreachable · live streaming"))
        XCTAssertTrue(harness.lines[1].contains("OFFLINE"))
    }
}
