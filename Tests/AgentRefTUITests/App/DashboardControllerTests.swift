@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// The controller with the in-memory terminal and the fake service: real tasks, real
/// inbox, no terminal.
final class DashboardControllerTests: XCTestCase {
    private var service: FakeAgentRefService!
    private var terminal: InMemoryTerminal!
    private var clock: ManualClock!
    private var controller: DashboardController!

    override func setUpWithError() throws {
        service = FakeAgentRefService(programs: Fixtures.programs)
        service.setConnection(Fixtures.connectedDetail())
        terminal = InMemoryTerminal(size: TerminalSize(width: 120, height: 40))
        clock = ManualClock(Fixtures.now)
        controller = try .forTests(service: service, terminal: terminal, clock: clock)
    }

    /// Runs loop passes until `condition` holds for the screen text, or fails after 5 seconds.
    private func pump(until condition: (String) -> Bool, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            controller.step(timeoutMilliseconds: 0)
            if condition(terminal.lines.joined(separator: "\n")) { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
        XCTFail("timed out waiting for: \(message)\n" + terminal.lines.joined(separator: "\n"), file: file, line: line)
    }

    private func press(_ keys: Key...) {
        for key in keys {
            terminal.pendingEvents.append(.key(key))
            controller.step(timeoutMilliseconds: 0)
        }
    }

    func testProgramsAppearAfterStart() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Northwind Coffee") }, "programs list")
        XCTAssertTrue(terminal.lines[1].contains("Name"))
    }

    func testHostileNameIsDrawnWithoutEscapes() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("EvilCorp") }, "hostile program")
        let text = terminal.lines.joined()
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    func testConnectFlowReachesConnected() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Harbor Yoga") }, "programs list")
        press(.down, .character("c"))
        pump(until: { $0.contains("Waiting for authorization") }, "waiting screen")
        XCTAssertEqual(controller.state.connect?.authURL, service.authURL)

        var connected = Fixtures.connectedDetail("prg_harbor", withEvent: false)
        connected.stripeAccountId = "acct_1SimHarborYoga1"
        service.setConnection(connected)
        clock.advance(RefreshSchedule.connectPollInterval)
        pump(until: { $0.contains("Connected: Stripe account acct_1SimHarborYoga1") }, "connected message")
    }

    func testCopyWritesOSC52OutOfBand() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Harbor Yoga") }, "programs list")
        press(.down, .character("c"))
        pump(until: { $0.contains("Waiting for authorization") }, "waiting screen")
        press(.character("y"))
        XCTAssertEqual(terminal.outOfBandWrites, [OSC52.sequence(copying: service.authURL)])
        pump(until: { $0.contains("OSC 52") }, "copy notice")
    }

    func testOpenWithoutOpenerSaysSo() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Harbor Yoga") }, "programs list")
        press(.down, .character("c"))
        pump(until: { $0.contains("Waiting for authorization") }, "waiting screen")
        press(.character("o"))
        XCTAssertTrue(controller.state.connect?.notice?.contains("xdg-open is not installed") ?? false)
        pump(until: { $0.contains("Cannot open a browser") }, "no opener notice")
    }

    func testDisconnectRoundTrip() {
        controller.start(programID: "prg_northwind", opensFeed: false)
        pump(until: { $0.contains("acct_1SimNorthwind01") }, "settings")
        press(.character("d"), .character("y"))
        pump(until: { $0.contains("Stripe is disconnected from Northwind Coffee.") }, "disconnect result")
        XCTAssertTrue(service.calls.contains("disconnectStripe prg_northwind"))
        press(.enter)
        pump(until: { $0.contains("○ disconnected") }, "settings after disconnect")
    }

    func testFeedShowsEntriesFromService() {
        controller.start(programID: nil, opensFeed: true)
        pump(until: { _ in self.service.feedCount == 1 }, "feed opened")
        let conversion = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        service.emit(.entry(Fixtures.created(1, conversion)))
        service.emit(.entry(Fixtures.refunded(2, conversion, refund: 900, reversal: 180)))
        pump(until: { $0.contains("↩ refund") && $0.contains("USD -1.80") }, "refund row")
        pump(until: { $0.contains("live streaming") }, "feed state")
    }

    func testServiceErrorIsShownAndScreenSurvives() {
        service.setFailure(AgentRefClientError(code: "UNAUTHORIZED", status: 401,
                                               message: "Missing or unknown API key; set AGENTREF_API_KEY"),
                           for: "programs")
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Missing or unknown API key") }, "error message")
        XCTAssertTrue(terminal.lines.last?.contains("q quit") ?? false)
    }

    func testNetworkErrorShowsOfflineBanner() {
        service.setFailure(AgentRefClientError(code: AgentRefClientError.networkErrorCode, status: nil,
                                               message: "connection refused"), for: "programs")
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("OFFLINE") }, "offline banner")
        XCTAssertTrue(terminal.lines.joined().contains("API unreachable"))
    }

    func testQuitRestoresTerminalAndReturnsZero() {
        terminal.pendingEvents = [.key(.character("q"))]
        XCTAssertEqual(controller.run(programID: nil, opensFeed: false), 0)
        XCTAssertTrue(terminal.isRestored)
    }

    func testTerminationSignalRestoresTerminal() {
        terminal.terminationSignal = SIGTERM
        XCTAssertEqual(controller.run(programID: nil, opensFeed: false), 128 + SIGTERM)
        XCTAssertTrue(terminal.isRestored)
    }

    func testResizeRedrawsAtNewSize() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Northwind") }, "programs")
        terminal.pendingEvents.append(.resize(TerminalSize(width: 39, height: 9)))
        pump(until: { $0.contains("Terminal too small") }, "too small")
        terminal.pendingEvents.append(.resize(TerminalSize(width: 80, height: 24)))
        pump(until: { $0.contains("Northwind") }, "programs again")
        XCTAssertEqual(terminal.screen.size, TerminalSize(width: 80, height: 24))
    }

    func testStatusLineHidesURLCredentials() {
        let url = URL(string: "https://user:s3cret@agentref.example/api/v1")!
        XCTAssertEqual(DashboardController.displayText(of: url), "https://agentref.example/api/v1")
    }

    func testNothingIsRedrawnWhenNothingChanged() {
        controller.start(programID: nil, opensFeed: false)
        pump(until: { $0.contains("Northwind") }, "programs")
        let frames = terminal.frameCount
        controller.step(timeoutMilliseconds: 0)
        controller.step(timeoutMilliseconds: 0)
        XCTAssertEqual(terminal.frameCount, frames)
    }
}
