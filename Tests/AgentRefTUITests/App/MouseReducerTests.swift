@testable import AgentRefTUI
import AgentRefDomain
import XCTest

final class MouseReducerTests: XCTestCase {
    /// Makes the programs list at 120×40 with the mouse on: the header is row 1, so program rows start at row 2.
    private func list() -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.state.isMouseEnabled = true
        return harness
    }

    private func click(_ x: Int, _ y: Int, _ harness: inout ReducerHarness) -> [Effect] {
        harness.send(.mouse(MouseEvent(.press, x: x, y: y)))
    }

    func testClickSelectsProgramRow() {
        var harness = list()
        _ = click(10, 4, &harness)
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
        XCTAssertEqual(harness.state.screen, .programs)
    }

    func testClickOnSelectedProgramOpensIt() {
        var harness = list()
        _ = click(10, 3, &harness)
        let effects = click(10, 3, &harness)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_harbor"))
        XCTAssertTrue(effects.contains(.loadStripeConnection(programID: "prg_harbor")))
    }

    func testClickBelowLastRowChangesNothing() {
        var harness = list()
        _ = click(10, 20, &harness)
        XCTAssertEqual(harness.state.programs.selection.index, 0)
    }

    func testClickOnHeaderChangesNothing() {
        var harness = list()
        _ = click(10, 1, &harness)
        XCTAssertEqual(harness.state.programs.selection.index, 0)
        XCTAssertEqual(harness.state.screen, .programs)
    }

    func testWheelMovesSelection() {
        var harness = list()
        harness.send(.mouse(MouseEvent(.wheelDown, x: 0, y: 5)))
        harness.send(.mouse(MouseEvent(.wheelDown, x: 0, y: 5)))
        XCTAssertEqual(harness.state.programs.selection.index, 2)
        harness.send(.mouse(MouseEvent(.wheelUp, x: 0, y: 5)))
        XCTAssertEqual(harness.state.programs.selection.index, 1)
    }

    func testWheelScrollsHelp() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"))
        harness.send(.mouse(MouseEvent(.wheelDown, x: 0, y: 5)))
        XCTAssertEqual(harness.state.overlay, .help(scroll: 1))
    }

    func testClickOnKeyHintActsLikeKey() throws {
        var harness = list()
        let hints = harness.lines[39]
        let column = try XCTUnwrap(hints.range(of: "f feed")).lowerBound.utf16Offset(in: hints)
        let effects = click(column + 2, 39, &harness)
        XCTAssertEqual(harness.state.screen, .feed(programID: nil))
        XCTAssertTrue(effects.contains(.startFeed(generation: 1, programID: nil, backlog: FeedState.backlog)))
    }

    func testClickOnUnusableHintExplainsWhy() throws {
        var harness = list()
        harness.press(.down, .down, .down)
        let hints = harness.lines[39]
        let column = try XCTUnwrap(hints.range(of: "d disconnect")).lowerBound.utf16Offset(in: hints)
        _ = click(column, 39, &harness)
        XCTAssertNil(harness.state.overlay)
        XCTAssertTrue(harness.state.message?.text.contains("Stripe is not connected") ?? false)
    }

    func testClickIsIgnoredUnderDialog() {
        var harness = list()
        harness.press(.character("d"))
        _ = click(10, 4, &harness)
        XCTAssertEqual(harness.state.programs.selection.index, 0)
        XCTAssertNotNil(harness.state.overlay)
    }

    func testClickSelectsFeedRow() {
        var harness = list()
        harness.press(.character("f"))
        for sequence in 1...3 {
            let conversion = Fixtures.conversion("cnv_\(sequence)", amount: 100, commission: 10)
            harness.send(.feedUpdated(.entry(Fixtures.created(Int64(sequence), conversion)), generation: 1))
        }
        let header = ListScreenLayout.feed(harness.state).tableHeader.y
        _ = click(5, header + 3, &harness)
        XCTAssertEqual(harness.state.feed?.selection.index, 2)
    }

    func testClickSelectsEventRow() {
        var harness = list()
        harness.press(.character("e"))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(), replacing: true))
        let header = ListScreenLayout.stripeEvents(harness.state).tableHeader.y
        _ = click(5, header + 2, &harness)
        XCTAssertEqual(harness.state.eventLogs["prg_northwind"]?.selectedEvent?.eventId, "evt_1NoCid")
    }

    func testClicksAreIgnoredWhenTooSmall() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 30, height: 8))
        _ = click(5, 3, &harness)
        XCTAssertEqual(harness.state.programs.selection.index, 0)
    }

    func testHelpDescribesMouseState() {
        var off = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        let offText = HelpLine.lines(for: off.state, width: 100).map(Self.text).joined(separator: " ")
        XCTAssertTrue(offText.contains("Start with --mouse"))

        off.state.isMouseEnabled = true
        let onText = HelpLine.lines(for: off.state, width: 100).map(Self.text).joined(separator: " ")
        XCTAssertTrue(onText.contains("Select text with the terminal"))
    }

    private static func text(_ line: HelpLine) -> String {
        switch line {
        case .heading(let text): text
        case .binding(let keys, let text, _): "\(keys) \(text)"
        case .blank: ""
        }
    }
}
