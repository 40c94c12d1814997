@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// A message belongs to the screen it was shown on: leaving the screen or opening an
/// overlay clears it, and a message shown after that stays.
final class MessageScopeTests: XCTestCase {
    func testUnavailableKeyMessageClearsOnScreenChange() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("c"))
        harness.send(.connectStripeFinished(ConnectStripeResult(connected: true, programId: "prg_northwind",
                                                                programReadiness: .ready, authUrl: nil,
                                                                message: "Already connected")))
        harness.press(.character("o"))
        XCTAssertTrue(harness.state.message?.text.hasPrefix("o is unavailable") ?? false)

        harness.press(.escape, .escape, .down, .character("c"))
        XCTAssertEqual(harness.state.screen, .connect(programID: "prg_harbor"))
        XCTAssertNil(harness.state.message)
        XCTAssertFalse(harness.screenText.contains("o is unavailable"), harness.screenText)
    }

    func testMessageClearsWhenHelpOpens() {
        var harness = ReducerHarness()
        harness.send(.start(programID: nil, opensFeed: false))
        harness.send(.programsLoaded(ReducerHarness.page([]), replacing: true))
        harness.press(.character("s"))
        XCTAssertEqual(harness.state.message?.text, "s is unavailable: no program is selected.")

        harness.press(.character("?"))
        XCTAssertNil(harness.state.message)
    }

    func testMessageClearsWhenFeedOpens() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("O"))
        XCTAssertNotNil(harness.state.message)
        harness.press(.character("f"))
        XCTAssertNil(harness.state.message)
    }

    func testMessageStaysOnSameScreen() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("O"))
        harness.press(.down, .down)
        XCTAssertNotNil(harness.state.message)
    }

    func testMessageAfterLeavingIsShown() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        let error = AgentRefClientError(code: "INTERNAL_ERROR", status: 500, message: "database is locked")
        harness.send(.requestFailed(.stripeConnection(programID: "prg_northwind"), error))
        XCTAssertNotNil(harness.state.message)

        harness.press(.escape)
        harness.send(.requestFailed(.programs(cursor: nil), error))
        XCTAssertEqual(harness.state.message?.text, "Loading programs failed: database is locked (INTERNAL_ERROR)")
    }
}
