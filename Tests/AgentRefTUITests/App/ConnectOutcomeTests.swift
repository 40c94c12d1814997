@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// How the connect screen ends a wait that will not succeed: a merchant who denied access,
/// an expired link, a conflict the server found, and `c` starting over.
final class ConnectOutcomeTests: XCTestCase {
    private let url = "http://127.0.0.1:12111/oauth/authorize?response_type=code&state=st_1"
    private let denial = "The merchant denied access on the authorization page; press c for a new link."

    /// Returns a harness on the connect screen of Harbor Yoga, waiting for authorization of `url`.
    private func waiting(size: TerminalSize = TerminalSize(width: 80, height: 24), authURL: String? = nil)
        -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.down, .character("c"))
        harness.send(.connectStripeFinished(ConnectStripeResult(connected: false, programId: "prg_harbor",
                                                                programReadiness: .setup, authUrl: authURL ?? url,
                                                                message: "Open the authUrl")))
        harness.clearEffects()
        return harness
    }

    private func pending(error: String? = nil, expiresIn seconds: TimeInterval = 600,
                         from harness: ReducerHarness) -> StripeConnection {
        var connection = StripeConnection(programId: "prg_harbor", status: .pending)
        connection.authUrl = url
        connection.errorMessage = error
        connection.authExpiresAt = harness.state.now.addingTimeInterval(seconds)
        return connection
    }

    private var hintsRow: (ReducerHarness) -> String {
        { harness in harness.lines[harness.state.size.height - 1] }
    }

    func testDenialShowsUnderSpinnerWhilePending() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(pending(error: denial, from: harness)))

        XCTAssertEqual(harness.state.connect?.phase, .waiting(authURL: url))
        XCTAssertTrue(harness.screenText.contains("The merchant denied access on the authorization page"),
                      harness.screenText)
        let lines = harness.lines
        let spinnerRow = lines.firstIndex { $0.contains("Waiting for authorization") }
        let denialRow = lines.firstIndex { $0.contains("The merchant denied access") }
        XCTAssertEqual(denialRow, spinnerRow.map { $0 + 1 })
    }

    func testExpiredLinkStopsWaiting() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(pending(expiresIn: 3, from: harness)))
        harness.advance(4)

        XCTAssertEqual(harness.state.connect?.phase, .expired(at: Fixtures.now.addingTimeInterval(3)))
        XCTAssertTrue(harness.screenText.contains("The authorization link expired at 14:30:03"), harness.screenText)
        XCTAssertTrue(harness.screenText.contains("Press c to get a new link"), harness.screenText)
        XCTAssertFalse(harness.screenText.contains("Waiting for authorization"), harness.screenText)
    }

    func testExpiredLinkIsNotPolled() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(pending(expiresIn: -1, from: harness)))
        harness.clearEffects()
        harness.advance(10)
        XCTAssertEqual(harness.effects, [])
    }

    func testLinkAlreadyExpiredOnFirstPollIsReported() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(pending(expiresIn: -60, from: harness)))
        guard case .expired = harness.state.connect?.phase else {
            return XCTFail("expected expired, got \(String(describing: harness.state.connect?.phase))")
        }
    }

    func testConflictSaysConnectingFailed() {
        var harness = waiting()
        var conflict = StripeConnection(programId: "prg_harbor", status: .error)
        conflict.errorMessage = "Stripe account acct_1 is already connected to program Northwind Coffee "
            + "(prg_northwind). Disconnect it there, or connect again and authorize a different Stripe account."
        harness.send(.stripeConnectionLoaded(conflict))

        XCTAssertTrue(harness.screenText.contains("Connecting failed: Stripe account acct_1"), harness.screenText)
        XCTAssertFalse(harness.screenText.contains("reported the connection as"), harness.screenText)
        XCTAssertFalse(harness.screenText.contains(".."), harness.screenText)
    }

    func testCAfterFailureStartsNewAuthorizationOnSameScreen() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(StripeConnection(programId: "prg_harbor", status: .error)))
        let depth = harness.state.stack.count
        harness.clearEffects()

        harness.press(.character("c"))
        XCTAssertEqual(harness.effects, [.connectStripe(programID: "prg_harbor")])
        XCTAssertEqual(harness.state.connect?.phase, .requesting)
        XCTAssertEqual(harness.state.stack.count, depth)
        XCTAssertEqual(harness.state.screen, .connect(programID: "prg_harbor"))
    }

    func testCAfterExpiryStartsNewAuthorization() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(pending(expiresIn: -1, from: harness)))
        harness.clearEffects()
        harness.press(.character("c"))
        XCTAssertEqual(harness.effects, [.connectStripe(programID: "prg_harbor")])
    }

    func testCWhileWaitingIsUnavailable() {
        var harness = waiting()
        harness.press(.character("c"))
        XCTAssertEqual(harness.effects, [])
        XCTAssertEqual(harness.state.connect?.phase, .waiting(authURL: url))
        XCTAssertTrue(harness.state.message?.text.contains("c is unavailable") ?? false)
    }

    func testHintBarHidesURLKeysAfterSuccess() {
        var harness = waiting()
        XCTAssertTrue(hintsRow(harness).contains("y copy URL"), hintsRow(harness))
        XCTAssertFalse(hintsRow(harness).contains("connect again"), hintsRow(harness))

        var connected = StripeConnection(programId: "prg_harbor", status: .connected, stripeAccountId: "acct_1")
        connected.connectedAt = harness.state.now
        harness.send(.stripeConnectionLoaded(connected))
        XCTAssertFalse(hintsRow(harness).contains("copy URL"), hintsRow(harness))
        XCTAssertFalse(hintsRow(harness).contains("open URL"), hintsRow(harness))
        XCTAssertFalse(hintsRow(harness).contains("connect again"), hintsRow(harness))
    }

    func testHintBarOffersConnectAgainAfterFailure() {
        var harness = waiting()
        harness.send(.stripeConnectionLoaded(StripeConnection(programId: "prg_harbor", status: .error)))
        XCTAssertTrue(hintsRow(harness).contains("c connect again"), hintsRow(harness))
        XCTAssertFalse(hintsRow(harness).contains("copy URL"), hintsRow(harness))
    }

    func testURLShownWholeAt50x14() {
        let longURL = FakeAgentRefService(programs: []).authURL
        let harness = waiting(size: TerminalSize(width: 50, height: 14), authURL: longURL)
        XCTAssertFalse(harness.screenText.contains("more than fit"), harness.screenText)
        let joined = harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        XCTAssertTrue(joined.contains(longURL), harness.screenText)
    }
}
