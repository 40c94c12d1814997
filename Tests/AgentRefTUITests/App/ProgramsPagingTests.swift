@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// Paging through 500 programs with the controller, the in-memory terminal and the fake
/// service: pages of 50 load only as the selection nears the end of what is loaded.
final class ProgramsPagingTests: XCTestCase {
    private var service: FakeAgentRefService!
    private var terminal: InMemoryTerminal!
    private var controller: DashboardController!

    override func setUpWithError() throws {
        let programs = (1...500).map { Fixtures.program(String(format: "prg_%03d", $0), "Program \($0)") }
        service = FakeAgentRefService(programs: programs)
        terminal = InMemoryTerminal(size: TerminalSize(width: 120, height: 40))
        controller = try .forTests(service: service, terminal: terminal, clock: ManualClock(Fixtures.now))
    }

    private var screen: String { terminal.lines.joined(separator: "\n") }

    private var programRequests: [String] {
        service.calls.filter { $0.hasPrefix("programs") }
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
    private func press(_ key: Key) {
        terminal.pendingEvents.append(.key(key))
        controller.step(timeoutMilliseconds: 0)
        pump(until: { !controller.state.programs.isLoading }, "page loaded after \(key.displayName)")
    }

    func testStartLoadsOnlyFirstPage() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 500 programs loaded") }, "first page")
        XCTAssertEqual(programRequests, ["programs start"])
        XCTAssertEqual(controller.state.programs.items.count, 50)
    }

    func testScrollingWithinLoadedRowsLoadsNothing() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 500 programs loaded") }, "first page")
        for _ in 0..<30 { press(.down) }
        XCTAssertEqual(programRequests.count, 1)
    }

    func testNearingEndLoadsOneMorePage() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 500 programs loaded") }, "first page")
        press(.end)
        pump(until: { self.screen.contains("100 of 500 programs loaded") }, "second page")
        XCTAssertEqual(programRequests, ["programs start", "programs 50"])
        XCTAssertEqual(controller.state.programs.selectedProgram?.id, "prg_050")
    }

    func testPagingReachesLastProgramThenStops() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { self.screen.contains("50 of 500 programs loaded") }, "first page")
        for _ in 0..<12 { press(.end) }
        pump(until: { self.screen.contains("› Program 500") }, "last program")
        XCTAssertEqual(programRequests.count, 10)
        XCTAssertTrue(screen.contains("500 programs"))
        XCTAssertFalse(screen.contains("loaded"))
    }
}
