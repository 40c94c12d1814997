@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class FeedReducerTests: XCTestCase {
    private func openFeed(from screen: String = "list") -> ReducerHarness {
        var harness = ReducerHarness.withPrograms()
        if screen == "settings" {
            harness.press(.character("s"))
        }
        harness.clearEffects()
        harness.press(.character("f"))
        return harness
    }

    private func entry(_ sequence: Int64, amount: Int64 = 1_000, commission: Int64 = 200,
                       currency: CurrencyCode = Fixtures.usd) -> ConversionFeedEntry {
        let conversion = Fixtures.conversion("cnv_\(sequence)", amount: amount, commission: commission, currency: currency)
        return Fixtures.created(sequence, conversion, secondsAfterNow: Double(sequence))
    }

    private func deliver(_ entries: ConversionFeedEntry..., to harness: inout ReducerHarness, generation: Int = 1) {
        for entry in entries {
            harness.send(.feedUpdated(.entry(entry), generation: generation))
        }
    }

    func testFeedFromListCoversAllPrograms() {
        let harness = openFeed()
        XCTAssertEqual(harness.effects, [.startFeed(generation: 1, programID: nil, backlog: FeedState.backlog)])
        XCTAssertEqual(harness.state.screen, .feed(programID: nil))
    }

    func testFeedFromSettingsCoversThatProgram() {
        let harness = openFeed(from: "settings")
        XCTAssertEqual(harness.effects, [.startFeed(generation: 1, programID: "prg_northwind", backlog: FeedState.backlog)])
    }

    func testNewestEntryIsOnTop() {
        var harness = openFeed()
        deliver(entry(1), entry(2), entry(3), to: &harness)
        XCTAssertEqual(harness.state.feed?.entries.map(\.sequence), [3, 2, 1])
    }

    func testRepeatedSequenceIsShownOnce() {
        var harness = openFeed()
        deliver(entry(1), entry(2), entry(2), entry(1), to: &harness)
        XCTAssertEqual(harness.state.feed?.entries.map(\.sequence), [2, 1])
        XCTAssertEqual(harness.state.feed?.revenue[Fixtures.usd].minorUnits, 2_000)
    }

    func testPauseHoldsArrivalsAndCountsThem() {
        var harness = openFeed()
        deliver(entry(1), to: &harness)
        harness.press(.character("p"))
        deliver(entry(2), entry(3), to: &harness)
        XCTAssertEqual(harness.state.feed?.entries.map(\.sequence), [1])
        XCTAssertEqual(harness.state.feed?.held.count, 2)
        XCTAssertTrue(harness.screenText.contains("PAUSED · 2 new"))
    }

    func testResumeShowsEveryHeldEntry() {
        var harness = openFeed()
        deliver(entry(1), to: &harness)
        harness.press(.character("p"))
        deliver(entry(2), entry(3), to: &harness)
        harness.press(.character("p"))
        XCTAssertEqual(harness.state.feed?.entries.map(\.sequence), [3, 2, 1])
        XCTAssertEqual(harness.state.feed?.held.count, 0)
        XCTAssertEqual(harness.state.feed?.isPaused, false)
    }

    func testDuplicateWhilePausedIsDropped() {
        var harness = openFeed()
        harness.press(.character("p"))
        deliver(entry(5), entry(5), to: &harness)
        XCTAssertEqual(harness.state.feed?.held.count, 1)
    }

    func testRefundShowsAsReversalWithNegativeCommission() {
        let payment = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        let refund = Fixtures.refunded(2, payment, refund: 1_000, reversal: 200)
        XCTAssertEqual(FeedRowText.event(refund), "↩ refund")
        XCTAssertEqual(FeedRowText.amount(refund), "USD -10.00")
        XCTAssertEqual(FeedRowText.commission(refund), "USD -2.00")
    }

    func testFullRefundIsMarked() {
        let payment = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        let refund = Fixtures.refunded(2, payment, refund: 2_900, reversal: 580)
        XCTAssertEqual(FeedRowText.event(refund), "↩ refund (full)")
    }

    func testRefundRowUsesReversalStyle() {
        var harness = openFeed()
        let payment = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        deliver(Fixtures.created(1, payment), Fixtures.refunded(2, payment, refund: 1_000, reversal: 200), to: &harness)
        harness.press(.down)
        let buffer = harness.render()
        let layout = ListScreenLayout.feed(harness.state)
        let refundRow = layout.tableRows.y
        XCTAssertEqual(buffer[4, refundRow].style.foreground, harness.theme[.reversal].foreground)
        XCTAssertTrue(harness.lines[refundRow].contains("↩ refund"))
    }

    func testTotalsAreNetOfRefunds() {
        var harness = openFeed()
        let payment = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580)
        deliver(Fixtures.created(1, payment), Fixtures.refunded(2, payment, refund: 1_000, reversal: 200), to: &harness)
        XCTAssertEqual(harness.state.feed?.revenue[Fixtures.usd].minorUnits, 1_900)
        XCTAssertEqual(harness.state.feed?.commission[Fixtures.usd].minorUnits, 380)
    }

    func testTotalsNameTheEntriesTheyCount() {
        var harness = openFeed()
        deliver(entry(1), entry(2), to: &harness)
        XCTAssertTrue(harness.screenText.contains("Net revenue (2 entries in this feed): USD 20.00"),
                      harness.screenText)
        XCTAssertTrue(harness.screenText.contains("Net commission (same entries):"), harness.screenText)
        XCTAssertTrue(harness.screenText.contains("2 entries since 14:30:01; totals and rate count only these"),
                      harness.screenText)
    }

    func testTotalsKeepCurrenciesApart() {
        var harness = openFeed()
        deliver(entry(1, amount: 1_000, commission: 100), entry(2, amount: 500, commission: 50, currency: Fixtures.jpy),
                entry(3, amount: 1_250, commission: 125, currency: Fixtures.kwd), to: &harness)
        XCTAssertEqual(harness.state.feed?.revenue.description, "JPY 500 · KWD 1.250 · USD 10.00")
        XCTAssertEqual(harness.state.feed?.commission.description, "JPY 50 · KWD 0.125 · USD 1.00")
    }

    func testStatusUpdateChangesNoTotals() {
        var harness = openFeed()
        var approved = Fixtures.conversion("cnv_1", amount: 2_900, commission: 580, status: .approved)
        approved.commissionEarned = 580
        deliver(entry(1), ConversionFeedEntry(sequence: 2, type: .updated, occurredAt: Fixtures.now, conversion: approved),
                to: &harness)
        XCTAssertEqual(harness.state.feed?.revenue[Fixtures.usd].minorUnits, 1_000)
        XCTAssertEqual(harness.state.feed.map { FeedRowText.event($0.entries[0]) }, "updated: approved")
    }

    func testScrolledBackViewStaysOnSameEntries() {
        var harness = openFeed()
        deliver(entry(1), entry(2), entry(3), to: &harness)
        harness.press(.down)
        let selected = harness.state.feed?.visibleEntries[harness.state.feed!.selection.index].sequence
        deliver(entry(4), to: &harness)
        let after = harness.state.feed?.visibleEntries[harness.state.feed!.selection.index].sequence
        XCTAssertEqual(after, selected)
    }

    func testUpdatesOfClosedFeedAreIgnored() {
        var harness = openFeed()
        harness.press(.escape)
        harness.press(.character("f"))
        deliver(entry(1), to: &harness, generation: 1)
        XCTAssertEqual(harness.state.feed?.entries.count, 0)
        deliver(entry(1), to: &harness, generation: 2)
        XCTAssertEqual(harness.state.feed?.entries.count, 1)
    }

    func testEscStopsFeed() {
        var harness = openFeed()
        let effects = harness.press(.escape)
        XCTAssertEqual(effects, [.stopFeed])
        XCTAssertNil(harness.state.feed)
    }

    func testConnectionStateShownInStatusLine() {
        var harness = openFeed()
        harness.send(.feedUpdated(.connection(.polling(intervalSeconds: 5)), generation: 1))
        XCTAssertTrue(harness.lines[harness.state.size.height - 2].contains("live polling every 5 s"))
    }

    func testFilterMatchesAffiliateCode() {
        var harness = openFeed()
        let other = Fixtures.conversion("cnv_9", affiliate: "bob10", amount: 100, commission: 10)
        deliver(entry(1), Fixtures.created(2, other), to: &harness)
        harness.press(.character("/"))
        harness.type("bob")
        XCTAssertEqual(harness.state.feed?.visibleEntries.map(\.sequence), [2])
    }

    func testOldestEntriesAreDroppedBeyondLimit() {
        var feed = FeedState(generation: 1, programID: nil)
        for sequence in 1...Int64(FeedState.maxEntries + 5) {
            feed.receive(entry(sequence), viewport: 10)
        }
        XCTAssertEqual(feed.entries.count, FeedState.maxEntries)
        XCTAssertEqual(feed.revenue[Fixtures.usd].minorUnits, Int64(FeedState.maxEntries) * 1_000)
        XCTAssertFalse(feed.receive(entry(3), viewport: 10), "a forgotten sequence must not come back")
    }
}
