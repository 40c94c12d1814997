@testable import AgentRefTUI
import AgentRefDomain
import XCTest

final class ProgramSortTests: XCTestCase {
    private func ids(_ harness: ReducerHarness) -> [String] {
        harness.state.programs.visibleItems.map(\.id)
    }

    func testListStartsInServerOrder() {
        let harness = ReducerHarness.withPrograms()
        XCTAssertNil(harness.state.programs.sort.column)
        XCTAssertEqual(ids(harness), Fixtures.programs.map(\.id))
    }

    func testOCyclesThroughEveryColumnAndBack() {
        var harness = ReducerHarness.withPrograms()
        var seen: [ProgramSortColumn?] = []
        for _ in 0...ProgramSortColumn.allCases.count {
            harness.press(.character("o"))
            seen.append(harness.state.programs.sort.column)
        }
        XCTAssertEqual(seen, ProgramSortColumn.allCases.map { $0 } + [nil])
    }

    func testNameSortsAToZIgnoringCase() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("o"))
        XCTAssertEqual(harness.state.programs.sort.column, .name)
        XCTAssertFalse(harness.state.programs.sort.isDescending)
        XCTAssertEqual(ids(harness), ["prg_hostile", "prg_harbor", "prg_lantern", "prg_northwind"])
    }

    func testShiftOReversesDirection() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("o"), .character("O"))
        XCTAssertTrue(harness.state.programs.sort.isDescending)
        XCTAssertEqual(ids(harness), ["prg_northwind", "prg_lantern", "prg_harbor", "prg_hostile"])
    }

    func testReverseIsUnavailableInServerOrder() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("O"))
        XCTAssertNil(harness.state.programs.sort.column)
        XCTAssertTrue(harness.state.message?.text.contains("server's order") ?? false)
    }

    func testStripeSortPutsProblemsFirst() {
        var sort = ProgramSort(column: .stripe)
        let ascending = sort.sorted(Fixtures.programs).map(\.id)
        XCTAssertEqual(ascending, ["prg_lantern", "prg_harbor", "prg_hostile", "prg_northwind"])
        sort.reverse()
        let descending = sort.sorted(Fixtures.programs).map(\.id)
        XCTAssertEqual(descending, ["prg_northwind", "prg_hostile", "prg_harbor", "prg_lantern"])
    }

    func testTodaySortsLargestFirst() {
        var harness = ReducerHarness.withPrograms()
        for _ in 0..<4 { harness.press(.character("o")) }
        XCTAssertEqual(harness.state.programs.sort.column, .today)
        XCTAssertTrue(harness.state.programs.sort.isDescending)
        XCTAssertEqual(Array(ids(harness).prefix(2)), ["prg_northwind", "prg_harbor"])
    }

    func testRevenueSortsByAmountInOwnCurrency() {
        let programs = [
            Fixtures.program("usd_small", "A", revenue: 100),
            Fixtures.program("eur_big", "B", currency: Fixtures.eur, revenue: 90_000),
            Fixtures.program("usd_big", "C", revenue: 50_000),
            Fixtures.program("eur_small", "D", currency: Fixtures.eur, revenue: 10),
            Fixtures.program("usd_none", "E"),
            Fixtures.program("jpy_mid", "F", currency: Fixtures.jpy, revenue: 1_200),
        ]
        let descending = ProgramSort(column: .revenue, isDescending: true).sorted(programs).map(\.id)
        XCTAssertEqual(descending, ["jpy_mid", "eur_big", "usd_big", "usd_small", "eur_small", "usd_none"])

        let ascending = ProgramSort(column: .revenue, isDescending: false).sorted(programs).map(\.id)
        XCTAssertEqual(ascending, ["usd_none", "eur_small", "usd_small", "usd_big", "eur_big", "jpy_mid"])
    }

    func testEarningProgramsComeFirstUnderDescendingRevenue() {
        var mixed = Fixtures.program("usd_mixed", "Mixed", revenue: 27_100)
        mixed.revenue?.add(Money(minorUnits: 2_000, currency: Fixtures.eur))
        let programs = [
            Fixtures.program("aud_none", "Zero", currency: CurrencyCode("AUD")!),
            mixed,
            Fixtures.program("eur_some", "Some", currency: Fixtures.eur, revenue: 500),
        ]
        let descending = ProgramSort(column: .revenue, isDescending: true).sorted(programs).map(\.id)
        XCTAssertEqual(descending, ["usd_mixed", "eur_some", "aud_none"])
    }

    func testOwnCurrencyLeadsTotalsCell() {
        var program = Fixtures.program("usd_mixed", "Mixed", revenue: 27_100)
        program.revenue?.add(Money(minorUnits: 2_000, currency: Fixtures.eur))
        let cell = ProgramsScreen.columns[4].cell(program)
        XCTAssertEqual(cell.fitted(width: 13, alignment: .right), "USD 271.00 +1")
        XCTAssertEqual(cell.text, "USD 271.00 · EUR 20.00")
    }

    func testEqualRowsKeepServerOrder() {
        let programs = (1...6).map { Fixtures.program("prg_\($0)", "Same") }
        XCTAssertEqual(ProgramSort(column: .name).sorted(programs).map(\.id), programs.map(\.id))
        XCTAssertEqual(ProgramSort(column: .name, isDescending: true).sorted(programs).map(\.id), programs.map(\.id))
    }

    func testSortKeepsSelectedProgramSelected() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down)
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
        harness.press(.character("o"))
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
    }

    func testSortAppliesToFilteredRows() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("o"), .character("O"), .character("/"))
        harness.type("e")
        XCTAssertEqual(ids(harness), ["prg_northwind", "prg_lantern", "prg_hostile"])
    }

    func testHeaderMarksSortColumnAndDirection() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("o"))
        XCTAssertTrue(harness.lines[1].contains("Name ↑"))
        harness.press(.character("O"))
        XCTAssertTrue(harness.lines[1].contains("Name ↓"))
    }

    func testSummarySaysOnlyLoadedProgramsAreSorted() {
        var harness = ReducerHarness(size: TerminalSize(width: 120, height: 40))
        harness.send(.start(programID: nil, opensFeed: false))
        let firstPage = ReducerHarness.page(Fixtures.programs, total: 500, nextCursor: "4")
        harness.send(.programsLoaded(firstPage, replacing: true))
        harness.press(.character("o"))
        XCTAssertTrue(harness.screenText.contains("sorted by name ↑ (the loaded ones; more load as you scroll)"))
    }

    func testSummaryNamesSortWhenAllLoaded() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("o"))
        XCTAssertTrue(harness.screenText.contains("4 programs · sorted by name ↑"))
        XCTAssertFalse(harness.screenText.contains("the loaded ones"))
    }
}
