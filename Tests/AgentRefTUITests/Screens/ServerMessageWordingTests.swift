@testable import AgentRefTUI
import AgentRefDomain
import XCTest

/// Server messages on screen: one full stop at the end of a sentence, and a URL named once.
final class ServerMessageWordingTests: XCTestCase {
    private let unreachable = "Disconnected here, but removing the webhook endpoint and access on Stripe account "
        + "acct_1SimNorthwind01 failed (Stripe is unreachable at http://127.0.0.1:45493/v1/webhook_endpoints/we_W1: "
        + "request to http://127.0.0.1:45493/v1/webhook_endpoints/we_W1 failed: Failed to connect to 127.0.0.1 "
        + "port 45493 after 0 ms: Couldn't connect to server; check that Stripe (or the simulator) is running and "
        + "that --stripe-url points at it); the server retries"

    func testSentenceAddsOneFullStop() {
        XCTAssertEqual(TextLayout.sentence("register a new one"), "register a new one.")
        XCTAssertEqual(TextLayout.sentence("register a new one."), "register a new one.")
        XCTAssertEqual(TextLayout.sentence("Is it? "), "Is it?")
        XCTAssertEqual(TextLayout.sentence("waiting…"), "waiting…")
    }

    func testErrorHintHasOneFullStop() {
        var connection = StripeConnection(programId: "prg_1", status: .error)
        connection.errorMessage = "The webhook endpoint we_1 was deleted on Stripe account acct_1, so no events "
            + "arrive. Disconnect and connect again to register a new one."
        let hints = StripeSettingsScreen.troubleshootingHints(connection)
        XCTAssertTrue(hints[0].contains("register a new one. Press c to reconnect."), hints[0])
        XCTAssertFalse(hints[0].contains(".."), hints[0])
    }

    func testRevokedHintHasOneFullStop() {
        var connection = StripeConnection(programId: "prg_1", status: .revoked)
        connection.errorMessage = "connect again and authorize a different Stripe account."
        let hints = StripeSettingsScreen.troubleshootingHints(connection)
        XCTAssertFalse(hints[0].contains(".."), hints[0])
    }

    func testRepeatedURLIsNamedOnce() {
        let shortened = RepeatedURLText.shortened(unreachable)
        XCTAssertEqual(shortened.components(separatedBy: "http://127.0.0.1:45493/v1/webhook_endpoints/we_W1").count, 2,
                       shortened)
        XCTAssertTrue(shortened.contains("unreachable at http://127.0.0.1:45493/v1/webhook_endpoints/we_W1: "
            + "request to that URL failed: Failed to connect"), shortened)
    }

    func testDistinctURLsStay() {
        let text = "see http://a.example/x and http://b.example/y, then http://a.example/x."
        XCTAssertEqual(RepeatedURLText.shortened(text), "see http://a.example/x and http://b.example/y, then that URL.")
    }

    func testCleanupLineNamesEndpointURLOnce() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("s"))
        var detail = StripeConnection(programId: "prg_northwind", status: .disconnected)
        detail.cleanupPending = true
        detail.cleanupMessage = unreachable
        harness.send(.stripeConnectionLoaded(detail))

        let text = harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(text.contains("request to that URL failed"), text)
    }
}
