@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// The live feed's connection as a signal of the API's health, and the countdown to the
/// feed's next attempt.
final class FeedHealthTests: XCTestCase {
    private func openFeed() -> ReducerHarness {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("f"))
        harness.send(.feedUpdated(.connection(.streaming), generation: 1))
        return harness
    }

    private func disconnect(_ harness: inout ReducerHarness, code: String?, retry: Double = 20) {
        let state = FeedConnectionState.disconnected(message: "Cannot reach the AgentRef API", retryInSeconds: retry,
                                                     code: code)
        harness.send(.feedUpdated(.connection(state), generation: 1))
    }

    private func statusLine(_ harness: ReducerHarness) -> String {
        harness.lines[FrameLayout(state: harness.state).status.y]
    }

    func testNetworkDisconnectShowsOffline() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.networkErrorCode)

        XCTAssertTrue(harness.state.health.isOffline)
        XCTAssertTrue(harness.screenText.contains("OFFLINE: cannot reach"), harness.screenText)
        XCTAssertTrue(statusLine(harness).contains("API unreachable"), statusLine(harness))
        XCTAssertFalse(statusLine(harness).contains("API ok"), statusLine(harness))
    }

    func testServerErrorDisconnectIsNotOffline() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.internalErrorCode)

        XCTAssertTrue(harness.state.health.isFailing)
        XCTAssertFalse(harness.state.health.isOffline)
        XCTAssertTrue(statusLine(harness).contains("API error"), statusLine(harness))
    }

    func testStreamingAgainClearsOffline() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.networkErrorCode)
        harness.advance(20)
        harness.send(.feedUpdated(.connection(.streaming), generation: 1))

        XCTAssertFalse(harness.state.health.isOffline)
        XCTAssertFalse(harness.screenText.contains("OFFLINE"), harness.screenText)
        XCTAssertTrue(statusLine(harness).contains("API ok"), statusLine(harness))
        XCTAssertTrue(statusLine(harness).contains("live streaming"), statusLine(harness))
    }

    func testPollingCountsAsSuccess() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.networkErrorCode)
        harness.send(.feedUpdated(.connection(.polling(intervalSeconds: 5)), generation: 1))

        XCTAssertFalse(harness.state.health.isFailing)
    }

    func testRetryCountsDown() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.networkErrorCode, retry: 20)
        XCTAssertTrue(statusLine(harness).contains("retrying in 20 s"), statusLine(harness))

        harness.advance(5)
        XCTAssertTrue(statusLine(harness).contains("retrying in 15 s"), statusLine(harness))

        harness.advance(15)
        XCTAssertTrue(statusLine(harness).contains("retrying now"), statusLine(harness))
    }

    func testCountdownShowsOnFeedScreen() {
        var harness = openFeed()
        disconnect(&harness, code: AgentRefClientError.networkErrorCode, retry: 8)
        harness.advance(3)

        let info = ListScreenLayout.feed(harness.state).info
        XCTAssertTrue(harness.lines[info.y].contains("retrying in 5 s"), harness.lines[info.y])
    }
}
