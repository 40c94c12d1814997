@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

/// Every screen rendered into a cell buffer at several sizes and compared with the text
/// snapshots in `Snapshots/`.
final class ScreenSnapshotTests: XCTestCase {
    static let sizes = [(120, 40), (80, 24), (60, 20)]

    func testProgramsListAtEachSize() {
        for (width, height) in Self.sizes {
            let harness = ReducerHarness.withPrograms(size: TerminalSize(width: width, height: height))
            assertSnapshot(harness.lines, named: "programs-\(width)x\(height)")
        }
    }

    func testProgramsListWithFilterBeingTyped() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("/"))
        harness.type("yoga")
        assertSnapshot(harness.lines, named: "programs-filter-80x24")
    }

    func testTooSmallTerminal() {
        let harness = ReducerHarness.withPrograms(size: TerminalSize(width: 39, height: 9))
        assertSnapshot(harness.lines, named: "too-small-39x9")
    }

    func testResizeFromLargeToTooSmallToMedium() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.down, .down)
        harness.resize(39, 9)
        let tooSmall = harness.lines
        harness.resize(80, 24)

        assertSnapshot(tooSmall, named: "resize-1-too-small")
        assertSnapshot(harness.lines, named: "resize-2-80x24")
    }

    func testStripeSettingsConnectedAtEachSize() {
        for (width, height) in Self.sizes {
            var harness = ReducerHarness.withPrograms(size: TerminalSize(width: width, height: height))
            harness.press(.enter)
            harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
            assertSnapshot(harness.lines, named: "stripe-settings-connected-\(width)x\(height)")
        }
    }

    func testStripeSettingsConnectedWithoutEventsShowsHint() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.enter)
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail(withEvent: false)))
        assertSnapshot(harness.lines, named: "stripe-settings-no-events-80x24")
    }

    func testStripeSettingsScrolledToEnd() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.enter)
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(rejected: ["mismatch": 2]),
                                         replacing: true))
        harness.press(.character("G"))
        assertSnapshot(harness.lines, named: "stripe-settings-scrolled-80x24")
    }

    func testStripeSettingsInConnectMode() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.enter)
        var connection = Fixtures.connectedDetail()
        connection.webhookMode = "connect"
        connection.webhookEndpointId = "we_1PlatformConnect"
        connection.webhookUrl = "http://127.0.0.1:8420/webhooks/stripe/connect"
        harness.send(.stripeConnectionLoaded(connection))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(rejected: ["mismatch": 1]),
                                         replacing: true))
        assertSnapshot(harness.lines, named: "stripe-settings-connect-mode-80x24")
    }

    func testStripeSettingsRevoked() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.down, .down, .enter)
        var revoked = StripeConnection(programId: "prg_lantern", status: .revoked, stripeAccountId: "acct_1SimLanternPub1")
        revoked.errorMessage = "account.application.deauthorized received"
        harness.send(.stripeConnectionLoaded(revoked))
        assertSnapshot(harness.lines, named: "stripe-settings-revoked-80x24")
    }

    func testConnectWaitingAtEachSize() {
        for (width, height) in Self.sizes {
            var harness = connectWaiting(TerminalSize(width: width, height: height))
            harness.advance(12.3)
            assertSnapshot(harness.lines, named: "connect-waiting-\(width)x\(height)")
        }
    }

    func testConnectWaitingTooNarrowForURLSaysWiden() {
        var harness = connectWaiting(TerminalSize(width: 44, height: 12))
        harness.advance(1)
        assertSnapshot(harness.lines, named: "connect-waiting-44x12")
    }

    func testConnectConnected() {
        var harness = connectWaiting(TerminalSize(width: 80, height: 24))
        var connected = Fixtures.connectedDetail("prg_harbor", withEvent: false)
        connected.stripeAccountId = "acct_1SimHarborYoga1"
        harness.send(.stripeConnectionLoaded(connected))
        assertSnapshot(harness.lines, named: "connect-connected-80x24")
    }

    func testConnectFailed() {
        var harness = connectWaiting(TerminalSize(width: 80, height: 24))
        var failed = StripeConnection(programId: "prg_harbor", status: .error)
        failed.errorMessage = "creating the webhook endpoint failed: 500 from Stripe"
        harness.send(.stripeConnectionLoaded(failed))
        assertSnapshot(harness.lines, named: "connect-failed-80x24")
    }

    func testConnectDeniedWhilePending() {
        var harness = connectWaiting(TerminalSize(width: 80, height: 24))
        var pending = StripeConnection(programId: "prg_harbor", status: .pending)
        pending.errorMessage = "The merchant denied access on the authorization page. Press c on the connect "
            + "screen for a new link once they agree."
        harness.send(.stripeConnectionLoaded(pending))
        assertSnapshot(harness.lines, named: "connect-denied-80x24")
    }

    func testConnectLinkExpired() {
        var harness = connectWaiting(TerminalSize(width: 80, height: 24))
        var pending = StripeConnection(programId: "prg_harbor", status: .pending)
        pending.authExpiresAt = harness.state.now.addingTimeInterval(-5)
        harness.send(.stripeConnectionLoaded(pending))
        assertSnapshot(harness.lines, named: "connect-expired-80x24")
    }

    func testConnectWaitingAt50x14ShowsWholeURL() {
        var harness = connectWaiting(TerminalSize(width: 50, height: 14))
        harness.advance(1)
        assertSnapshot(harness.lines, named: "connect-waiting-50x14")
    }

    func testDisconnectDialogOnSmallTerminals() {
        for (width, height) in [(40, 10), (50, 14)] {
            var harness = ReducerHarness.withPrograms(size: TerminalSize(width: width, height: height))
            harness.press(.character("d"))
            assertSnapshot(harness.lines, named: "disconnect-confirm-\(width)x\(height)")
        }
    }

    func testDisconnectResultWithCleanupPending() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("d"), .character("y"))
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        var detail = StripeConnection(programId: "prg_northwind", status: .disconnected)
        detail.cleanupPending = true
        detail.cleanupMessage = "Disconnected here, but removing the webhook endpoint and access on Stripe account "
            + "acct_1SimNorthwind01 failed (Stripe is unreachable at http://127.0.0.1:12111: connection refused); "
            + "the server retries"
        harness.send(.stripeConnectionLoaded(detail))
        assertSnapshot(harness.lines, named: "disconnect-cleanup-pending-80x24")
    }

    func testDisconnectDialogConfirmation() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("d"))
        assertSnapshot(harness.lines, named: "disconnect-confirm-80x24")
    }

    func testDisconnectDialogResult() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("d"), .character("y"))
        harness.send(.disconnectStripeFinished(DisconnectStripeResult(success: true, programId: "prg_northwind")))
        assertSnapshot(harness.lines, named: "disconnect-done-80x24")
    }

    func testFeedAtEachSize() {
        for (width, height) in Self.sizes {
            let harness = feedWithEntries(TerminalSize(width: width, height: height))
            assertSnapshot(harness.lines, named: "feed-\(width)x\(height)")
        }
    }

    func testFeedPausedWithArrivals() {
        var harness = feedWithEntries(TerminalSize(width: 80, height: 24))
        harness.press(.character("p"))
        let late = Fixtures.conversion("cnv_late", amount: 5_000, commission: 1_000)
        harness.send(.feedUpdated(.entry(Fixtures.created(10, late, secondsAfterNow: 60)), generation: 1))
        let refused = FeedConnectionState.disconnected(message: "connection refused", retryInSeconds: 2,
                                                       code: AgentRefClientError.networkErrorCode)
        harness.send(.feedUpdated(.connection(refused), generation: 1))
        assertSnapshot(harness.lines, named: "feed-paused-80x24")
    }

    func testHelpOverlay() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"))
        assertSnapshot(harness.lines, named: "help-80x24")
    }

    func testOfflineBannerAndErrorMessage() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        let error = AgentRefClientError(code: AgentRefClientError.networkErrorCode, status: nil,
                                        message: "Could not connect to 127.0.0.1:8420 (connection refused)")
        harness.advance(30)
        harness.send(.requestFailed(.programs(cursor: nil), error))
        assertSnapshot(harness.lines, named: "offline-80x24")
    }

    func testProgramsSortedByRevenue() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        for _ in 0..<5 { harness.press(.character("o")) }
        assertSnapshot(harness.lines, named: "programs-sorted-revenue-80x24")
    }

    func testStripeEventsLogAtEachSize() {
        for (width, height) in Self.sizes {
            let harness = stripeEventsLog(TerminalSize(width: width, height: height))
            assertSnapshot(harness.lines, named: "stripe-events-\(width)x\(height)")
        }
    }

    func testStripeEventsLogWithRejectedDeliveries() {
        let harness = stripeEventsLog(TerminalSize(width: 80, height: 24), rejected: ["mismatch": 3, "stale": 1])
        assertSnapshot(harness.lines, named: "stripe-events-rejected-80x24")
    }

    func testStripeEventsLogEmpty() {
        let harness = stripeEventsLog(TerminalSize(width: 80, height: 24), events: [])
        assertSnapshot(harness.lines, named: "stripe-events-empty-80x24")
    }

    func testFeedFilteredByType() {
        var harness = feedWithEntries(TerminalSize(width: 80, height: 24))
        harness.press(.character("/"))
        harness.type("type:refund")
        assertSnapshot(harness.lines, named: "feed-filter-80x24")
    }

    func testFeedRateSparkline() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("f"))
        harness.send(.feedUpdated(.connection(.streaming), generation: 1))
        let minutesAgo: [Double] = [14, 12, 12, 9, 7, 7, 7, 7, 4, 2, 2, 1, 0.2]
        for (index, minutes) in minutesAgo.enumerated() {
            let conversion = Fixtures.conversion("cnv_\(index)", affiliate: index.isMultiple(of: 2) ? "jane20" : "sam",
                                                 amount: 2_900, commission: 580)
            let entry = Fixtures.created(Int64(index + 1), conversion, secondsAfterNow: -minutes * 60)
            harness.send(.feedUpdated(.entry(entry), generation: 1))
        }
        assertSnapshot(harness.lines, named: "feed-rate-80x24")
    }

    func testHelpWithMouseOn() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.state.isMouseEnabled = true
        harness.press(.character("?"), .pageDown, .pageDown, .pageDown)
        assertSnapshot(harness.lines, named: "help-mouse-end-120x40")
    }

    func testTinyTerminalOnEveryScreen() {
        var harness = stripeEventsLog(TerminalSize(width: 120, height: 40))
        harness.resize(30, 8)
        assertSnapshot(harness.lines, named: "too-small-30x8")
        harness.resize(40, 10)
        assertSnapshot(harness.lines, named: "stripe-events-40x10")
    }

    // MARK: States

    private func connectWaiting(_ size: TerminalSize) -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.down, .character("c"))
        let result = ConnectStripeResult(connected: false, programId: "prg_harbor", programReadiness: .setup,
                                         authUrl: FakeAgentRefService(programs: []).authURL,
                                         message: "Open the authUrl in a browser to connect Stripe.")
        harness.send(.connectStripeFinished(result))
        return harness
    }

    private func stripeEventsLog(_ size: TerminalSize, events: [StripeEventRecord] = Fixtures.events,
                                 rejected: [String: Int] = [:]) -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("e"))
        harness.send(.stripeEventsLoaded(programID: "prg_northwind", Fixtures.eventLog(events, rejected: rejected),
                                         replacing: true))
        harness.press(.down, .down, .down, .down)
        return harness
    }

    private func feedWithEntries(_ size: TerminalSize) -> ReducerHarness {
        var harness = ReducerHarness.withPrograms(size: size)
        harness.press(.character("f"))
        harness.send(.feedUpdated(.connection(.streaming), generation: 1))

        let first = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        let second = Fixtures.conversion("cnv_2", program: "prg_harbor", programName: "Harbor Yoga 瑜伽 🧘",
                                         affiliate: "李小龙", amount: 4_500, commission: 900, currency: Fixtures.eur,
                                         event: "invoice.paid")
        let third = Fixtures.conversion("cnv_3", program: "prg_lantern", programName: "Lantern Books",
                                        affiliate: "evil\u{1B}[31mred\u{7}", amount: 1_200, commission: 120,
                                        currency: Fixtures.jpy, event: "charge.succeeded")
        let entries = [
            Fixtures.created(1, first, secondsAfterNow: 1),
            Fixtures.created(2, second, secondsAfterNow: 2),
            Fixtures.created(3, third, secondsAfterNow: 3),
            Fixtures.refunded(4, first, refund: 1_000, reversal: 200, secondsAfterNow: 4),
        ]
        for entry in entries {
            harness.send(.feedUpdated(.entry(entry), generation: 1))
        }
        return harness
    }
}
