@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class StripeEventsReducerTests: XCTestCase {
    /// Opens the events log of Northwind Coffee from its settings with `e` and loads it.
    private func openLog(rejected: [String: Int] = [:], size: TerminalSize = TerminalSize(width: 120, height: 40))
        -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("e"))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(rejected: rejected),
                                         replacing: true))
        harness.clearEffects()
        return harness
    }

    func testEFromSettingsOpensLogAndLoadsIt() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(), replacing: true))
        let effects = harness.press(.character("e"))
        XCTAssertEqual(harness.state.screen, .stripeEvents(programID: "prg_northwind"))
        XCTAssertEqual(effects, [.loadStripeEvents(programID: "prg_northwind", cursor: nil, limit: 50)])
    }

    func testEFromListOpensLogOfSelectedProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .character("e"))
        XCTAssertEqual(harness.state.screen, .stripeEvents(programID: "prg_harbor"))
    }

    func testSettingsLoadsLogForRejectedCounts() {
        var harness = ReducerHarness.withPrograms()
        let effects = harness.press(.character("s"))
        XCTAssertTrue(effects.contains(.loadStripeEvents(programID: "prg_northwind", cursor: nil, limit: 50)))
    }

    func testRowsShowTypeOutcomeAndDetail() {
        let harness = openLog()
        let text = harness.screenText
        XCTAssertTrue(text.contains("✓ conversion created"))
        XCTAssertTrue(text.contains("= linked to payment"))
        XCTAssertTrue(text.contains("≡ duplicate"))
        XCTAssertTrue(text.contains("! unattributed"))
        XCTAssertTrue(text.contains("– ignored"))
        XCTAssertTrue(text.contains("↩ refund applied"))
        XCTAssertTrue(text.contains("evt_1NoCid"))
        XCTAssertTrue(text.contains("no agentref_cid in client_reference"))
    }

    func testUnknownOutcomeIsShownAsSent() {
        XCTAssertEqual(StripeEventOutcomeText.text("quarantined"), "? quarantined")
    }

    func testOutcomeWordsNeverRelyOnColour() {
        for outcome in StripeEventOutcome.allCases {
            let text = StripeEventOutcomeText.text(outcome.rawValue)
            XCTAssertGreaterThan(text.split(separator: " ").count, 1, "\(outcome) has no word")
        }
    }

    func testSelectedEventDetailIsShownInFull() {
        var harness = openLog()
        harness.press(.down, .down, .down, .down)
        XCTAssertEqual(harness.state.eventLogs["prg_northwind"]?.selectedEvent?.eventId, "evt_1Checkout")
        let text = harness.screenText
        let ids = "evt_1Checkout · checkout.session.completed · cnv_1 · created 2026-03-02 14:27:28"
        XCTAssertTrue(text.contains(ids))
        XCTAssertTrue(text.contains("commission USD 5.80"))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
    }

    func testNoRejectionsSaysSo() {
        let harness = openLog()
        XCTAssertTrue(harness.screenText.contains("✓ Rejected deliveries: none"))
    }

    func testRejectionsAreCountedByReasonWithAdvice() {
        let harness = openLog(rejected: ["mismatch": 3, "stale": 1])
        let text = harness.screenText
        XCTAssertTrue(text.contains("⚠ Rejected deliveries: 4 (wrong secret 3 · too old 1)"))
        XCTAssertTrue(text.contains("Signed with another whsec_ secret"))
    }

    func testSettingsShowRejectedDeliveriesFromLog() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(rejected: ["mismatch": 2]),
                                         replacing: true))
        XCTAssertTrue(harness.screenText.contains("Rejected deliveries  2 (wrong secret 2); e shows the events log"))
    }

    func testEmptyLogExplainsWhatToCheck() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("e"))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog([]), replacing: true))
        let text = harness.screenText
        XCTAssertTrue(text.contains("No Stripe event has reached the server for this program yet."))
        XCTAssertTrue(text.contains("agentref trigger checkout-payment"))
    }

    func testEmptyLogOfDisconnectedProgramSaysConnect() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down, .down, .character("e"))
        harness.send(.stripeEventsLoaded(programID: "prg_hostile", Fixtures.eventLog([]), replacing: true))
        XCTAssertTrue(harness.screenText.contains("Stripe is not connected, so no webhook endpoint exists"))
    }

    func testMissingRouteIsExplainedWithoutAPIError() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("e"))
        let missing = AgentRefClientError(code: AgentRefClientError.notFoundCode, status: 404, message: "Not found")
        harness.send(.requestFailed(.stripeEvents(programID: "prg_northwind", cursor: nil), missing))
        XCTAssertTrue(harness.screenText.contains("This server has no Stripe events log"))
        XCTAssertFalse(harness.state.health.isFailing)
    }

    func testMissingRouteNotRequestedAgain() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        let missing = AgentRefClientError(code: AgentRefClientError.notFoundCode, status: 404, message: "Not found")
        harness.send(.requestFailed(.stripeEvents(programID: "prg_northwind", cursor: nil), missing))
        harness.press(.escape)
        let effects = harness.press(.character("s"))
        XCTAssertEqual(effects, [.loadStripeConnection(programID: "prg_northwind")])
        XCTAssertTrue(harness.screenText.contains("not reported by this server"))
    }

    func testOtherFailureIsShownOnMessageLine() {
        var harness = openLog()
        let error = AgentRefClientError(code: "INTERNAL_ERROR", status: 500, message: "database is locked")
        harness.send(.requestFailed(.stripeEvents(programID: "prg_northwind", cursor: nil), error))
        XCTAssertTrue(harness.state.message?.text.contains("Loading the Stripe events log failed") ?? false)
        XCTAssertTrue(harness.state.health.isFailing)
        XCTAssertTrue(harness.screenText.contains("evt_1NoCid"), "loaded events stay on screen")
    }

    func testLogReloadsEveryFiveSeconds() {
        var harness = openLog()
        harness.advance(1)
        XCTAssertEqual(harness.effects, [])
        harness.advance(RefreshSchedule.stripeEventsInterval)
        XCTAssertEqual(harness.effects, [.loadStripeEvents(programID: "prg_northwind", cursor: nil, limit: 50)])
    }

    func testRKeyReloadsLog() {
        var harness = openLog()
        let effects = harness.press(.character("r"))
        XCTAssertEqual(effects, [.loadStripeEvents(programID: "prg_northwind", cursor: nil, limit: 50)])
    }

    func testMovingNearEndLoadsNextPage() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("e"))
        let many = (0..<50).map { index in
            Fixtures.event("evt_\(index)", "charge.succeeded", .linked, secondsBeforeNow: Double(index))
        }
        harness.send(.stripeEventsLoaded(programID: "prg_northwind",
                                         Fixtures.eventLog(many, total: 120, nextCursor: "50"), replacing: true))
        harness.clearEffects()
        harness.press(.character("G"))
        XCTAssertEqual(harness.effects, [.loadStripeEvents(programID: "prg_northwind", cursor: "50", limit: 50)])

        let more = (50..<100).map { Fixtures.event("evt_\($0)", "charge.succeeded", .linked) }
        harness.send(.stripeEventsLoaded(programID: "prg_northwind",
                                         Fixtures.eventLog(more, total: 120, nextCursor: "100"), replacing: false))
        XCTAssertEqual(harness.state.eventLogs["prg_northwind"]?.events.count, 100)
        XCTAssertTrue(harness.screenText.contains("100 of 120 events loaded"))
    }

    func testReloadKeepsSelectedEvent() {
        var harness = openLog()
        harness.press(.down, .down)
        let newer = Fixtures.event("evt_1Newest", "charge.succeeded", .conversionCreated, secondsBeforeNow: 1)
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog([newer] + Fixtures.events),
                                         replacing: true))
        XCTAssertEqual(harness.state.eventLogs["prg_northwind"]?.selectedEvent?.eventId, "evt_1Dup")
    }

    func testEscGoesBackToSettings() {
        var harness = openLog()
        harness.press(.escape)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_northwind"))
    }

    func testSettingsHintPointsToLog() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        XCTAssertTrue(harness.screenText.contains("Conversions not appearing? Press e for the events log"))
    }
}
