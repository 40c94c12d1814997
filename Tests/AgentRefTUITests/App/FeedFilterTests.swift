@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class FeedFilterTests: XCTestCase {
    /// Three conversions in two programs by two affiliates, and a refund of the first.
    private let entries: [ConversionFeedEntry] = {
        let northwind = Fixtures.conversion("cnv_1", affiliate: "jane20", amount: 2_900, commission: 580)
        let harbor = Fixtures.conversion("cnv_2", program: "prg_harbor", programName: "Harbor Yoga 瑜伽 🧘",
                                         affiliate: "namaste", amount: 4_500, commission: 900,
                                         currency: Fixtures.eur, event: "invoice.paid")
        let lantern = Fixtures.conversion("cnv_3", program: "prg_lantern", programName: "Lantern Books",
                                          affiliate: "jane20", amount: 1_200, commission: 120,
                                          currency: Fixtures.jpy, event: "charge.succeeded")
        return [
            Fixtures.created(1, northwind, secondsAfterNow: -240),
            Fixtures.created(2, harbor, secondsAfterNow: -180),
            Fixtures.created(3, lantern, secondsAfterNow: -120),
            Fixtures.refunded(4, northwind, refund: 1_000, reversal: 200, secondsAfterNow: -60),
        ]
    }()

    private func matching(_ text: String) -> [Int64] {
        let filter = FeedFilter(text: text)
        return entries.filter(filter.matches).map(\.sequence)
    }

    func testPlainWordMatchesAnyColumn() {
        XCTAssertEqual(matching("harbor"), [2])
        XCTAssertEqual(matching("namaste"), [2])
        XCTAssertEqual(matching("invoice"), [2])
    }

    func testProgramPrefixMatchesOnlyProgram() {
        XCTAssertEqual(matching("program:northwind"), [1, 4])
        XCTAssertEqual(matching("program:jane"), [])
    }

    func testProgramPrefixMatchesId() {
        XCTAssertEqual(matching("program:prg_lantern"), [3])
    }

    func testAffiliatePrefixMatchesOnlyAffiliate() {
        XCTAssertEqual(matching("affiliate:jane20"), [1, 3, 4])
        XCTAssertEqual(matching("affiliate:harbor"), [])
    }

    func testTypePrefixMatchesEventAndRefunds() {
        XCTAssertEqual(matching("type:refund"), [4])
        XCTAssertEqual(matching("type:charge.succeeded"), [3])
        XCTAssertEqual(matching("type:checkout"), [1], "a refund matches its own event, not the checkout's")
        XCTAssertEqual(matching("type:charge.refunded"), [4])
    }

    func testTermsMustAllMatch() {
        XCTAssertEqual(matching("affiliate:jane20 program:lantern"), [3])
        XCTAssertEqual(matching("jane20 type:refund"), [4])
    }

    func testPrefixIgnoresCase() {
        XCTAssertEqual(matching("PROGRAM:Harbor"), [2])
    }

    func testPrefixWithoutValueMatchesAll() {
        XCTAssertEqual(matching("type:"), [1, 2, 3, 4])
    }

    func testUnknownPrefixIsPlainText() {
        XCTAssertEqual(matching("amount:5"), [])
        XCTAssertEqual(FeedFilter(text: "amount:5").terms, [FeedFilter.Term(field: nil, value: "amount:5")])
    }

    func testFilterBarNamesPrefixesWhileEmpty() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("f"), .character("/"))
        XCTAssertTrue(harness.screenText.contains("program:NAME affiliate:CODE type:EVENT"))
        harness.type("p")
        XCTAssertFalse(harness.screenText.contains("program:NAME affiliate:CODE type:EVENT"))
    }

    func testFeedScreenFiltersByPrefix() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("f"))
        for entry in entries {
            harness.send(.feedUpdated(.entry(entry), generation: 1))
        }
        harness.press(.character("/"))
        harness.type("type:refund")
        XCTAssertEqual(harness.state.feed?.visibleEntries.map(\.sequence), [4])
        XCTAssertTrue(harness.screenText.contains("1 of 4"))
    }

    func testRateCountsConversionsPerMinute() {
        var feed = FeedState(generation: 1, programID: nil)
        for entry in entries {
            feed.receive(entry, viewport: 10)
        }
        let counts = feed.conversionsPerMinute(endingAt: Fixtures.now, minutes: 5)
        XCTAssertEqual(counts, [1, 1, 1, 0, 0], "refunds are not conversions")
    }

    func testRateCountsEntriesHeldWhilePaused() {
        var feed = FeedState(generation: 1, programID: nil)
        feed.togglePause(viewport: 10)
        feed.receive(entries[2], viewport: 10)
        XCTAssertEqual(feed.conversionsPerMinute(endingAt: Fixtures.now, minutes: 3), [1, 0, 0])
    }

    func testRateIgnoresEntriesOutsideWindow() {
        var feed = FeedState(generation: 1, programID: nil)
        for entry in entries {
            feed.receive(entry, viewport: 10)
        }
        XCTAssertEqual(feed.conversionsPerMinute(endingAt: Fixtures.now, minutes: 2), [0, 0])
        let tenMinutesEarlier = Fixtures.now.addingTimeInterval(-600)
        XCTAssertEqual(feed.conversionsPerMinute(endingAt: tenMinutesEarlier, minutes: 3), [0, 0, 0])
    }

    func testSparklineScalesToPeak() {
        XCTAssertEqual(Sparkline.text([0, 0, 0]), "▁▁▁")
        XCTAssertEqual(Sparkline.text([0, 1]), "▁█")
        XCTAssertEqual(Sparkline.text([0, 1, 4, 8]), "▁▂▄█")
        XCTAssertEqual(Sparkline.text([]), "")
    }

    func testFeedShowsRateSparkline() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("f"))
        for entry in entries {
            harness.send(.feedUpdated(.entry(entry), generation: 1))
        }
        XCTAssertTrue(harness.screenText.contains("▁▁▁▁▁▁▁▁▁▁███▁▁ 0/min"))
        XCTAssertTrue(harness.screenText.contains("last 15 min · peak 1"))
    }
}
