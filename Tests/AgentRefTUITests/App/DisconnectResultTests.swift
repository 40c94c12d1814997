@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// What the disconnect dialog promises and reports: the cleanup on Stripe as the detail
/// loaded after the disconnect shows it, a pending program with no webhook, and the keys
/// the result accepts.
final class DisconnectResultTests: XCTestCase {
    /// Returns a harness showing the dialog's result for Northwind Coffee (connected) after
    /// the server confirmed.
    private func succeeded(size: TerminalSize = TerminalSize(width: 120, height: 40)) -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("d"), .character("y"))
        harness.clearEffects()
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        return harness
    }

    private func disconnectedDetail(pending: Bool?, message: String? = nil) -> StripeConnection {
        var connection = StripeConnection(programId: "prg_northwind", status: .disconnected)
        connection.cleanupPending = pending
        connection.cleanupMessage = message
        return connection
    }

    /// Returns the dialog's text between its side borders, joined into one line.
    private func dialogText(_ harness: ReducerHarness) -> String {
        let inside = harness.lines.compactMap { line -> String? in
            let parts = line.components(separatedBy: "│")
            return parts.count >= 3 ? parts[1] : nil
        }
        return inside.joined(separator: " ")
            .components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func hints(_ harness: ReducerHarness) -> String {
        harness.lines[harness.state.size.height - 1]
    }

    func testResultRequestsFreshDetail() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        harness.press(.character("d"), .character("y"))
        XCTAssertEqual(harness.state.stripe["prg_northwind"]?.isLoading, true)
        harness.clearEffects()
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        XCTAssertTrue(harness.effects.contains(.loadStripeConnection(programID: "prg_northwind")))
    }

    func testResultChecksBeforeDetailArrives() {
        let harness = succeeded()
        XCTAssertTrue(dialogText(harness).contains("Checking whether the webhook registration"), dialogText(harness))
        XCTAssertFalse(dialogText(harness).contains("was removed"), dialogText(harness))
    }

    func testResultSaysRemovedWhenCleanupFinished() {
        var harness = succeeded()
        harness.send(.stripeConnectionLoaded(disconnectedDetail(pending: false)))
        XCTAssertEqual(harness.state.overlay.flatMap(Self.phase), .succeeded(cleanup: .done))
        XCTAssertTrue(dialogText(harness).contains("The webhook registration on Stripe was removed"),
                      dialogText(harness))
    }

    func testResultSaysCleanupIsStillPending() {
        var harness = succeeded()
        let reason = "Disconnected here, but removing the webhook endpoint and access on Stripe account "
            + "acct_1 failed (Stripe is unreachable); the server retries"
        harness.send(.stripeConnectionLoaded(disconnectedDetail(pending: true, message: reason)))

        let text = dialogText(harness)
        XCTAssertTrue(text.contains("has not finished yet"), text)
        XCTAssertTrue(text.contains("the server retries."), text)
        XCTAssertTrue(text.contains("Program Settings > Stripe shows when"), text)
        XCTAssertFalse(text.contains("was removed"), text)
    }

    func testResultSaysCleanupFailedForGood() {
        var harness = succeeded()
        let reason = "remove endpoint we_1 in the Stripe dashboard of acct_1"
        harness.send(.stripeConnectionLoaded(disconnectedDetail(pending: false, message: reason)))
        XCTAssertTrue(dialogText(harness).contains("failed. remove endpoint we_1"), dialogText(harness))
        XCTAssertFalse(dialogText(harness).contains("was removed"), dialogText(harness))
    }

    func testResultWithoutCleanupFieldsPromisesNothing() {
        var harness = succeeded()
        harness.send(.stripeConnectionLoaded(disconnectedDetail(pending: nil)))
        XCTAssertTrue(dialogText(harness).contains("shows whether that is still pending"), dialogText(harness))
        XCTAssertFalse(dialogText(harness).contains("was removed"), dialogText(harness))
    }

    func testDetailFromBeforeDisconnectIsIgnored() {
        var harness = succeeded()
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        XCTAssertEqual(harness.state.overlay.flatMap(Self.phase), .succeeded(cleanup: nil))
    }

    func testFailedDetailLoadLeavesResultUnknown() {
        var harness = succeeded()
        let error = AgentRefClientError(code: "NETWORK_ERROR", status: nil, message: "connection refused")
        harness.send(.requestFailed(.stripeConnection(programID: "prg_northwind"), error))
        XCTAssertEqual(harness.state.overlay.flatMap(Self.phase), .succeeded(cleanup: .unknown))
    }

    func testResultHintBarOffersClose() {
        let harness = succeeded()
        XCTAssertTrue(hints(harness).contains("Enter close"), hints(harness))
        XCTAssertFalse(hints(harness).contains("confirm"), hints(harness))
        XCTAssertFalse(hints(harness).contains("cancel"), hints(harness))
    }

    func testEscClosesResult() {
        var harness = succeeded()
        harness.press(.escape)
        XCTAssertNil(harness.state.overlay)
    }

    func testInProgressHintBarHidesConfirm() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("d"), .character("y"))
        XCTAssertFalse(hints(harness).contains("confirm"), hints(harness))
        XCTAssertTrue(hints(harness).contains("n cancel"), hints(harness))
    }

    func testPendingProgramDialogPromisesNoWebhookRemoval() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .character("d"))
        let text = dialogText(harness)
        XCTAssertTrue(text.contains("no webhook registration to remove"), text)
        XCTAssertFalse(text.contains("removes the webhook registration"), text)

        harness.press(.character("y"))
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_harbor")))
        XCTAssertTrue(dialogText(harness).contains("The waiting authorization was cancelled"), dialogText(harness))
        XCTAssertFalse(dialogText(harness).contains("webhook"), dialogText(harness))
    }

    func testSmallDialogsShowWhatStays() {
        for (width, height) in [(40, 10), (50, 14)] {
            var harness = ReducerHarness.withPrograms(size: TerminalSize(width: width, height: height))
            harness.press(.character("d"))
            let text = dialogText(harness)
            XCTAssertTrue(text.contains("Stays:") || text.contains("more…"), "\(width)x\(height): \(text)")
        }
    }

    private static func phase(_ overlay: Overlay) -> DisconnectDialogState.Phase? {
        if case .disconnect(let dialog) = overlay { return dialog.phase }
        return nil
    }
}
