@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class DisconnectReducerTests: XCTestCase {
    private func confirming() -> ReducerHarness {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.clearEffects()
        harness.press(.character("d"))
        return harness
    }

    private var dialog: (ReducerHarness) -> DisconnectDialogState? {
        { harness in
            if case .disconnect(let dialog) = harness.state.overlay { return dialog }
            return nil
        }
    }

    func testDKeyAsksForConfirmation() {
        let harness = confirming()
        XCTAssertEqual(dialog(harness)?.phase, .confirming)
        XCTAssertEqual(harness.effects, [])
    }

    func testDialogSaysWhatStopsAndWhatStays() {
        let harness = confirming()
        // The text between the dialog's side borders, so the screen behind it cannot interleave.
        let inside = harness.lines.compactMap { line -> String? in
            let parts = line.components(separatedBy: "│")
            return parts.count >= 3 ? parts[1] : nil
        }
        let text = inside.joined(separator: " ")
            .components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
        XCTAssertTrue(text.contains("webhook registration"))
        XCTAssertTrue(text.contains("new payments are no longer tracked"))
        XCTAssertTrue(text.contains("existing conversions and commissions"))
    }

    func testNCancelsWithoutRequest() {
        var harness = confirming()
        harness.press(.character("n"))
        XCTAssertNil(harness.state.overlay)
        XCTAssertEqual(harness.effects, [])
    }

    func testEscCancelsWithoutRequest() {
        var harness = confirming()
        harness.press(.escape)
        XCTAssertNil(harness.state.overlay)
        XCTAssertEqual(harness.effects, [])
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_northwind"))
    }

    func testYConfirmsAndSendsDelete() {
        var harness = confirming()
        harness.press(.character("y"))
        XCTAssertEqual(harness.effects, [.disconnectStripe(programID: "prg_northwind")])
        XCTAssertEqual(dialog(harness)?.phase, .inProgress)
    }

    func testEnterConfirms() {
        var harness = confirming()
        harness.press(.enter)
        XCTAssertEqual(harness.effects, [.disconnectStripe(programID: "prg_northwind")])
    }

    func testConfirmTwiceSendsOneDelete() {
        var harness = confirming()
        harness.press(.character("y"), .character("y"), .enter)
        XCTAssertEqual(harness.effects.filter { $0 == .disconnectStripe(programID: "prg_northwind") }.count, 1)
    }

    func testSuccessIsStatedAndStatusRefreshed() {
        var harness = confirming()
        harness.press(.character("y"))
        harness.clearEffects()
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        XCTAssertEqual(dialog(harness)?.phase, .succeeded(cleanup: nil))
        XCTAssertEqual(harness.state.stripeStatus(of: "prg_northwind"), .connected,
                       "the detail stays until reloaded; the list entry changes at once")
        XCTAssertEqual(harness.state.knownPrograms["prg_northwind"]?.stripeStatus, .disconnected)
        XCTAssertTrue(harness.effects.contains(.loadStripeConnection(programID: "prg_northwind")))
        XCTAssertTrue(harness.screenText.contains("Stripe is disconnected from Northwind Coffee."))
    }

    func testFailureIsStatedInDialog() {
        var harness = confirming()
        harness.press(.character("y"))
        let error = AgentRefClientError(code: "INTERNAL_ERROR", status: 500, message: "database is locked")
        harness.send(.requestFailed(.disconnectStripe(programID: "prg_northwind"), error))
        XCTAssertEqual(dialog(harness)?.phase, .failed(message: "database is locked (INTERNAL_ERROR)"))
    }

    func testEnterClosesDialogAfterResult() {
        var harness = confirming()
        harness.press(.character("y"))
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        harness.press(.enter)
        XCTAssertNil(harness.state.overlay)
    }

    func testResultAfterClosingGoesToMessageLine() {
        var harness = confirming()
        harness.press(.character("y"), .escape)
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        XCTAssertNil(harness.state.overlay)
        XCTAssertEqual(harness.state.message?.text, "Stripe is disconnected for Northwind Coffee.")
    }
}
