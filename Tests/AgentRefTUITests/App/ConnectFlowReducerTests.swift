@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class ConnectFlowReducerTests: XCTestCase {
    private let url = "http://127.0.0.1:12111/oauth/authorize?response_type=code&state=st_1"

    /// Opens the connect screen for Harbor Yoga (pending in the fixtures) and returns the harness.
    private func requesting() -> ReducerHarness {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .character("s"))
        harness.send(.stripeConnectionLoaded(detail(.pending)))
        harness.clearEffects()
        harness.press(.character("c"))
        return harness
    }

    private func waiting() -> ReducerHarness {
        var harness = requesting()
        harness.send(.connectStripeFinished(ConnectStripeResult(connected: false, programId: "prg_harbor",
                                                                programReadiness: .setup, authUrl: url,
                                                                message: "Open the authUrl")))
        harness.clearEffects()
        return harness
    }

    private func detail(_ status: StripeConnectionStatus, account: String? = nil, error: String? = nil) -> StripeConnection {
        var connection = StripeConnection(programId: "prg_harbor", status: status, stripeAccountId: account)
        connection.errorMessage = error
        return connection
    }

    func testConnectKeyRequestsAuthorizationURL() {
        let harness = requesting()
        XCTAssertEqual(harness.effects, [.connectStripe(programID: "prg_harbor")])
        XCTAssertEqual(harness.state.screen, .connect(programID: "prg_harbor"))
        XCTAssertEqual(harness.state.connect?.phase, .requesting)
    }

    func testAuthURLStartsWaiting() {
        let harness = waiting()
        XCTAssertEqual(harness.state.connect?.phase, .waiting(authURL: url))
        XCTAssertEqual(harness.state.connect?.serverMessage, "Open the authUrl")
    }

    func testWaitingPollsEveryTwoSeconds() {
        var harness = waiting()
        harness.advance(1)
        XCTAssertEqual(harness.effects, [])
        harness.advance(1)
        XCTAssertEqual(harness.effects, [.loadStripeConnection(programID: "prg_harbor")])
    }

    func testNoSecondPollWhileOneIsInFlight() {
        var harness = waiting()
        harness.advance(2)
        harness.advance(2)
        harness.advance(2)
        XCTAssertEqual(harness.effects, [.loadStripeConnection(programID: "prg_harbor")])
    }

    func testPendingKeepsWaiting() {
        var harness = waiting()
        harness.advance(2)
        harness.send(.stripeConnectionLoaded(detail(.pending)))
        XCTAssertEqual(harness.state.connect?.phase, .waiting(authURL: url))
        XCTAssertEqual(harness.state.connect?.isPolling, false)
    }

    func testPendingThenConnectedShowsAccount() {
        var harness = waiting()
        harness.advance(2)
        harness.send(.stripeConnectionLoaded(detail(.pending)))
        harness.advance(2)
        harness.send(.stripeConnectionLoaded(detail(.connected, account: "acct_1SimHarborYoga1")))
        XCTAssertEqual(harness.state.connect?.phase, .connected(accountID: "acct_1SimHarborYoga1"))
        XCTAssertEqual(harness.state.message?.kind, .success)
        XCTAssertTrue(harness.screenText.contains("acct_1SimHarborYoga1"))
    }

    func testConnectedStopsPolling() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(detail(.connected, account: "acct_1")))
        harness.clearEffects()
        harness.advance(10)
        XCTAssertEqual(harness.effects, [])
    }

    func testErrorStatusFailsWithReason() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(detail(.error, error: "webhook endpoint creation failed")))
        guard case .failed(let reason) = harness.state.connect?.phase else {
            return XCTFail("expected failed, got \(String(describing: harness.state.connect?.phase))")
        }
        XCTAssertTrue(reason.contains("webhook endpoint creation failed"))
    }

    func testRevokedStatusFails() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(detail(.revoked)))
        guard case .failed(let reason) = harness.state.connect?.phase else { return XCTFail("expected failed") }
        XCTAssertTrue(reason.contains("revoked"))
    }

    func testRequestFailureFailsPlainly() {
        var harness = requesting()
        let error = AgentRefClientError(code: "NOT_FOUND", status: 404, message: "Program prg_harbor not found", requestID: "req_9")
        harness.send(.requestFailed(.connectStripe(programID: "prg_harbor"), error))
        XCTAssertEqual(harness.state.connect?.phase,
                       .failed(reason: "Requesting an authorization URL failed: Program prg_harbor not found (NOT_FOUND, request req_9)"))
    }

    func testAlreadyConnectedSaysSoAndLoadsAccount() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("c"))
        let effects = harness.send(.connectStripeFinished(ConnectStripeResult(
            connected: true, programId: "prg_northwind", programReadiness: .ready, authUrl: nil,
            message: "Stripe is already connected to acct_1SimNorthwind01.")))
        XCTAssertEqual(harness.state.connect?.phase, .alreadyConnected(accountID: "acct_1SimNorthwind01"))
        XCTAssertEqual(effects, [.loadStripeConnection(programID: "prg_northwind")])
        XCTAssertTrue(harness.screenText.contains("already connected"))
    }

    func testCopyKeyAsksToCopyFullURL() {
        var harness = waiting()
        XCTAssertEqual(harness.press(.character("y")), [.copyToClipboard(url)])
    }

    func testOpenKeyAsksToOpenURL() {
        var harness = waiting()
        XCTAssertEqual(harness.press(.character("o")), [.openURL(url)])
    }

    func testCopyDisabledBeforeURLArrives() {
        var harness = requesting()
        XCTAssertEqual(harness.press(.character("y")), [])
        XCTAssertTrue(harness.state.message?.text.contains("has not arrived yet") ?? false)
    }

    func testOpenOutcomeNamesCommand() {
        var harness = waiting()
        harness.send(.urlOpenFinished(.opened(command: "xdg-open")))
        XCTAssertEqual(harness.state.connect?.notice, "Opened the URL with xdg-open.")
        harness.send(.urlOpenFinished(.noOpener))
        XCTAssertTrue(harness.state.connect?.notice?.contains("xdg-open is not installed") ?? false)
    }

    func testClipboardNoticeSaysOSC52() {
        var harness = waiting()
        harness.send(.clipboardWritten(characters: 120))
        XCTAssertTrue(harness.state.connect?.notice?.contains("OSC 52") ?? false)
    }

    func testEscLeavesConnectScreenAndRefreshesSettings() {
        var harness = waiting()
        let effects = harness.press(.escape)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_harbor"))
        XCTAssertNil(harness.state.connect)
        XCTAssertEqual(effects, [.loadStripeConnection(programID: "prg_harbor")])
    }

    func testLostPollResponseDoesNotStopPolling() {
        var harness = waiting()
        harness.advance(2)
        harness.advance(RefreshSchedule.requestTimeout)
        XCTAssertEqual(harness.effects, [.loadStripeConnection(programID: "prg_harbor"),
                                         .loadStripeConnection(programID: "prg_harbor")])
    }

    func testLateResultAfterLeavingIsIgnored() {
        var harness = requesting()
        harness.press(.escape)
        harness.send(.connectStripeFinished(ConnectStripeResult(connected: false, programId: "prg_harbor",
                                                                programReadiness: .setup, authUrl: url, message: "")))
        XCTAssertNil(harness.state.connect)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_harbor"))
    }

    func testFullURLShownBesideQRCode() {
        var harness = waiting()
        harness.state.connect?.phase = .waiting(authURL: FakeAgentRefService(programs: []).authURL)
        let qrWidth = QRCodeView(code: QRCode(encoding: FakeAgentRefService(programs: []).authURL)!).size.width
        let textWidth = 120 - 2 - qrWidth - 2
        let textColumns = harness.lines.map { String($0.prefix(1 + textWidth)).trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(textColumns.joined().contains(FakeAgentRefService(programs: []).authURL))
        XCTAssertTrue(harness.lines.joined().contains("█"), "the QR code is drawn at 120x40")
    }

    func testFullURLShownAt80Columns() {
        var harness = waiting()
        harness.resize(80, 24)
        let joined = harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        XCTAssertTrue(joined.contains(url))
    }
}
