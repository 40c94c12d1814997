@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// Paging through many programs with the controller, the in-memory terminal and the fake
/// service: pages of 50 load as the selection nears the end of what is loaded, End loads
/// through to the last program, and a refresh keeps the selection on the same program.
final class ProgramsPagingTests: XCTestCase {
    private var service: FakeAgentRefService!
    private var terminal: InMemoryTerminal!
    private var controller: DashboardController!
    private var clock: ManualClock!

    override func setUpWithError() throws {
        service = FakeAgentRefService(programs: Self.programs(1...500))
        terminal = InMemoryTerminal(size: TerminalSize(width: 120, height: 40))
        clock = ManualClock(Fixtures.now)
        controller = try .forTests(service: service, terminal: terminal, clock: clock)
    }

    /// Programs numbered `range`, newest (highest number) first, as the server lists them.
    private static func programs(_ range: ClosedRange<Int>) -> [Program] {
        range.reversed().map { Fixtures.program(String(format: "prg_%03d", $0), "Program \($0)") }
    }

    private var screen: String { terminal.lines.joined(separator: "\n") }

    private var programRequests: [String] {
        service.calls.filter { $0.hasPrefix("programs") }
    }

    private var selectedID: String? {
        controller.state.programs.selectedProgram?.id
    }

    private func pump(until condition: () -> Bool, _ message: String, file: StaticString = #filePath,
                      line: UInt = #line) {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            controller.step(timeoutMilliseconds: 0)
            if condition() { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
        XCTFail("timed out waiting for: \(message)\n\(screen)", file: file, line: line)
    }

    /// Sends `key` and runs the loop until no page request is in flight.
    private func press(_ key: Key, file: StaticString = #filePath, line: UInt = #line) {
        terminal.pendingEvents.append(.key(key))
        controller.step(timeoutMilliseconds: 0)
        pump(until: { !controller.state.programs.isLoading }, "page loaded after \(key.displayName)",
             file: file, line: line)
    }

    private func startOnFirstPage() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 500 programs loaded") }, "first page")
    }

    func testStartLoadsOnlyFirstPage() {
        startOnFirstPage()
        XCTAssertEqual(programRequests, ["programs start"])
        XCTAssertEqual(controller.state.programs.items.count, 50)
    }

    func testScrollingWithinLoadedRowsLoadsNothing() {
        startOnFirstPage()
        for _ in 0..<30 { press(.down) }
        XCTAssertEqual(programRequests.count, 1)
    }

    func testNearingEndLoadsOneMorePage() {
        startOnFirstPage()
        for _ in 0..<46 { press(.down) }
        pump(until: { self.screen.contains("100 of 500 programs loaded") }, "second page")
        XCTAssertEqual(programRequests, ["programs start", "programs 50"])
        XCTAssertEqual(selectedID, "prg_454")
    }

    func testEndLoadsThroughToLastProgram() {
        startOnFirstPage()
        press(.end)
        pump(until: { self.screen.contains("› Program 1 ") }, "last program")
        XCTAssertEqual(programRequests.count, 10)
        XCTAssertTrue(screen.contains("500 programs"))
        XCTAssertFalse(screen.contains("loaded"))
        XCTAssertFalse(screen.contains("loading"))
    }

    func testEndSaysItIsLoadingUntilLastPage() {
        startOnFirstPage()
        terminal.pendingEvents.append(.key(.end))
        controller.step(timeoutMilliseconds: 0)
        XCTAssertTrue(screen.contains("loading to the end…"), screen)
    }

    func testPageDownMovesOnePageOfVisibleRowsAcrossPageBoundary() {
        startOnFirstPage()
        let rows = ListScreenLayout.programs(controller.state).tableRows.height
        var positions: [Int] = []
        for _ in 0..<3 {
            press(.pageDown)
            positions.append(controller.state.programs.selection.index)
        }
        XCTAssertEqual(positions, [rows, 2 * rows, 3 * rows])
    }

    func testRefreshKeepsSelectionBeyondFirstPages() {
        service.setPrograms(Self.programs(1...304))
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 304 programs loaded") }, "first page")
        press(.end)
        pump(until: { self.selectedID == "prg_001" }, "last program")
        press(.up)
        press(.up)
        XCTAssertEqual(selectedID, "prg_003")

        press(.character("r"))
        pump(until: { self.programRequests.count > 7 && !controller.state.programs.isLoading }, "reload")
        XCTAssertEqual(selectedID, "prg_003")
        XCTAssertEqual(controller.state.programs.items.count, 304)
        XCTAssertTrue(screen.contains("› Program 3 "), screen)
    }

    func testAutomaticRefreshKeepsSelectionWhenNewProgramsArrive() {
        startOnFirstPage()
        for _ in 0..<60 { press(.down) }
        XCTAssertEqual(selectedID, "prg_440")

        service.setPrograms(Self.programs(1...560))
        clock.advance(RefreshSchedule.programsInterval)
        pump(until: { self.programRequests.count > 2 && !controller.state.programs.isLoading }, "refresh")
        XCTAssertEqual(selectedID, "prg_440")
        XCTAssertTrue(screen.contains("› Program 440 "), screen)
    }

    func testRefreshSaysWhenSelectedProgramIsGone() {
        startOnFirstPage()
        for _ in 0..<3 { press(.down) }
        XCTAssertEqual(selectedID, "prg_497")

        service.setPrograms(Self.programs(1...500).filter { $0.id != "prg_497" })
        press(.character("r"))
        pump(until: { self.screen.contains("Program 497 is no longer in the loaded list") }, "message")
        XCTAssertNotEqual(selectedID, "prg_497")
    }
}
