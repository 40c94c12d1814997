@testable import AgentRefTUI
import AgentRefClient
import AgentRefDomain
import XCTest

final class NavigationReducerTests: XCTestCase {
    func testStartLoadsFirstPageOfPrograms() {
        var harness = ReducerHarness()
        let effects = harness.send(.start(programID: nil, opensFeed: false))
        XCTAssertEqual(effects, [.loadPrograms(cursor: nil, limit: ProgramsListState.pageSize)])
    }

    func testStartWithProgramOpensItsStripeSettings() {
        var harness = ReducerHarness()
        let effects = harness.send(.start(programID: "prg_x", opensFeed: false))
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_x"))
        XCTAssertTrue(effects.contains(.loadStripeConnection(programID: "prg_x")))
        XCTAssertTrue(effects.contains(.loadProgram(id: "prg_x")))
    }

    func testStartWithFeedOpensFeedOfAllPrograms() {
        var harness = ReducerHarness()
        let effects = harness.send(.start(programID: nil, opensFeed: true))
        XCTAssertEqual(harness.state.screen, .feed(programID: nil))
        XCTAssertTrue(effects.contains(.startFeed(generation: 1, programID: nil, backlog: FeedState.backlog)))
    }

    func testJAndKMoveSelectionWithinBounds() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("j"), .character("j"))
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
        harness.press(.down, .down, .down)
        XCTAssertEqual(harness.state.programs.selection.index, 3)
        harness.press(.character("k"), .up, .up, .up, .up)
        XCTAssertEqual(harness.state.programs.selection.index, 0)
    }

    func testEnterOpensStripeSettingsOfSelectedProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down)
        let effects = harness.press(.enter)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_harbor"))
        XCTAssertEqual(effects, [
            .loadStripeConnection(programID: "prg_harbor"),
            .loadStripeEvents(programID: "prg_harbor", cursor: nil, limit: StripeEventsState.pageSize),
        ])
    }

    func testSOpensStripeSettingsLikeEnter() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("s"))
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_northwind"))
    }

    func testEscGoesBackFromSettings() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.enter, .escape)
        XCTAssertEqual(harness.state.stack, [.programs])
    }

    func testEscAtTopWithoutFilterChangesNothing() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down)
        let before = harness.state.stack
        let effects = harness.press(.escape)
        XCTAssertEqual(harness.state.stack, before)
        XCTAssertEqual(harness.state.programs.selection.index, 1)
        XCTAssertEqual(effects, [])
    }

    func testFilterNarrowsListCaseInsensitively() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("LANTERN")
        XCTAssertEqual(harness.state.programs.visibleItems.map(\.id), ["prg_lantern"])
        XCTAssertTrue(harness.state.programs.filter.isEditing)
    }

    func testTypingQInFilterDoesNotQuit() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"), .character("q"))
        XCTAssertFalse(harness.state.isQuitting)
        XCTAssertEqual(harness.state.programs.filter.text, "q")
    }

    func testEnterKeepsFilterAndEscClearsIt() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("yoga")
        harness.press(.enter)
        XCTAssertFalse(harness.state.programs.filter.isEditing)
        XCTAssertEqual(harness.state.programs.filter.text, "yoga")

        harness.press(.escape)
        XCTAssertEqual(harness.state.programs.filter.text, "")
        XCTAssertEqual(harness.state.programs.visibleItems.count, 4)
        XCTAssertEqual(harness.state.stack, [.programs])
    }

    func testClearingFilterKeepsSelectedProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("books")
        harness.press(.enter)
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")

        harness.press(.escape)
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
    }

    func testFilterKeepsSelectedProgramWhileItMatches() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down)
        harness.press(.character("/"))
        harness.type("o")
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
        harness.type("x")
        XCTAssertNil(harness.state.programs.selectedProgram)
    }

    func testSortKeepsSelectedProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down)
        for _ in ProgramSortColumn.allCases {
            harness.press(.character("o"))
            XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
            harness.press(.character("O"))
            XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
        }
    }

    func testEscWhileTypingClearsFilter() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("books")
        harness.press(.escape)
        XCTAssertFalse(harness.state.programs.filter.isActive)
    }

    func testBackspaceDeletesLastFilterCharacter() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("yogx")
        harness.press(.backspace)
        XCTAssertEqual(harness.state.programs.filter.text, "yog")
    }

    func testEnterAfterFilterOpensMatchingProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"))
        harness.type("books")
        harness.press(.enter, .enter)
        XCTAssertEqual(harness.state.screen, .stripeSettings(programID: "prg_lantern"))
    }

    func testMovingNearEndLoadsNextPage() {
        let many = (0..<60).map { Fixtures.program("prg_\($0)", "Program \($0)") }
        var harness = ReducerHarness(size: TerminalSize(width: 120, height: 40))
        harness.send(.start(programID: nil, opensFeed: false))
        harness.send(.programsLoaded(ReducerHarness.page(Array(many.prefix(50)), total: 60, nextCursor: "50"), replacing: true))
        harness.clearEffects()

        for _ in 0..<40 { harness.press(.down) }
        XCTAssertEqual(harness.effects, [])
        for _ in 0..<6 { harness.press(.down) }
        XCTAssertEqual(harness.effects, [.loadPrograms(cursor: "50", limit: ProgramsListState.pageSize)])
    }

    func testNextPageAppendsAndKeepsSelection() {
        let many = (0..<60).map { Fixtures.program("prg_\($0)", "Program \($0)") }
        var harness = ReducerHarness()
        harness.send(.start(programID: nil, opensFeed: false))
        harness.send(.programsLoaded(ReducerHarness.page(Array(many.prefix(50)), total: 60, nextCursor: "50"), replacing: true))
        for _ in 0..<47 { harness.press(.down) }
        harness.send(.programsLoaded(Page(items: Array(many.suffix(10)), total: 60, page: 2, pageSize: 50, hasMore: false,
                                          nextCursor: nil), replacing: false))
        XCTAssertEqual(harness.state.programs.items.count, 60)
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_47")
        XCTAssertFalse(harness.state.programs.hasMore)
    }

    func testFilterLoadsRemainingPages() {
        let many = (0..<60).map { Fixtures.program("prg_\($0)", "Program \($0)") }
        var harness = ReducerHarness()
        harness.send(.start(programID: nil, opensFeed: false))
        harness.send(.programsLoaded(ReducerHarness.page(Array(many.prefix(50)), total: 60, nextCursor: "50"), replacing: true))
        harness.clearEffects()
        harness.press(.character("/"), .character("5"))
        XCTAssertEqual(harness.effects, [.loadPrograms(cursor: "50", limit: ProgramsListState.pageSize)])
    }

    func testRefreshReloadsFirstPageAndKeepsSelectedProgram() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down)
        let effects = harness.press(.character("r"))
        XCTAssertEqual(effects, [.loadPrograms(cursor: nil, limit: ProgramsListState.pageSize)])

        let reordered = [Fixtures.programs[2], Fixtures.programs[0], Fixtures.programs[1]]
        harness.send(.programsLoaded(ReducerHarness.page(reordered), replacing: true))
        XCTAssertEqual(harness.state.programs.selectedProgram?.id, "prg_lantern")
    }

    func testProgramsReloadWhenDueOnTick() {
        var harness = ReducerHarness.withPrograms()
        XCTAssertEqual(harness.advance(5), [])
        XCTAssertEqual(harness.advance(RefreshSchedule.programsInterval), [.loadPrograms(cursor: nil, limit: 50)])
    }

    func testSettingsPollStaysWithinInterval() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.enter)
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.clearEffects()

        harness.advance(1)
        harness.advance(1)
        XCTAssertEqual(harness.effects, [])
        harness.advance(RefreshSchedule.stripeSettingsInterval)
        XCTAssertEqual(harness.effects, [.loadStripeConnection(programID: "prg_northwind")])
    }

    func testQuitSetsQuittingAndStopsFeed() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("f"))
        let effects = harness.press(.character("q"))
        XCTAssertTrue(harness.state.isQuitting)
        XCTAssertEqual(effects, [.stopFeed])
    }

    func testCtrlCQuitsWhileTypingFilter() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.character("/"), .control("c"))
        XCTAssertTrue(harness.state.isQuitting)
    }

    func testOnlyQuitWorksWhenTerminalTooSmall() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 39, height: 9))
        harness.press(.enter, .character("f"), .character("?"))
        XCTAssertEqual(harness.state.stack, [.programs])
        XCTAssertNil(harness.state.overlay)
        harness.press(.character("q"))
        XCTAssertTrue(harness.state.isQuitting)
    }

    func testHelpOpensScrollsAndCloses() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"))
        XCTAssertEqual(harness.state.overlay, .help(scroll: 0))
        harness.press(.character("j"), .character("j"))
        XCTAssertEqual(harness.state.overlay, .help(scroll: 2))
        harness.press(.escape)
        XCTAssertNil(harness.state.overlay)
    }

    func testHelpScrollStopsAtEnd() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"))
        for _ in 0..<200 { harness.press(.down) }
        let maxScroll = HelpLayout(state: harness.state).maxScroll
        XCTAssertEqual(harness.state.overlay, .help(scroll: maxScroll))
        XCTAssertGreaterThan(maxScroll, 0)
    }

    func testDisabledKeyExplainsWhy() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down, .down, .character("d"))
        XCTAssertNil(harness.state.overlay)
        XCTAssertEqual(harness.state.message?.kind, .info)
        XCTAssertTrue(harness.state.message?.text.contains("Stripe is not connected") ?? false)
    }

    func testResizeKeepsSelectionVisible() {
        let many = (0..<30).map { Fixtures.program("prg_\($0)", "Program \($0)") }
        var harness = ReducerHarness.withPrograms(many)
        for _ in 0..<25 { harness.press(.down) }
        harness.resize(80, 12)
        let rows = ListScreenLayout.programs(harness.state).tableRows.height
        let selection = harness.state.programs.selection
        XCTAssertGreaterThanOrEqual(selection.index, selection.offset)
        XCTAssertLessThan(selection.index, selection.offset + rows)
    }

    func testNetworkFailureKeepsLoadedPrograms() {
        var harness = ReducerHarness.withPrograms()
        harness.advance(1)
        let error = AgentRefClientError(code: AgentRefClientError.networkErrorCode, status: nil, message: "connection refused")
        harness.send(.requestFailed(.programs(cursor: nil), error))
        XCTAssertTrue(harness.state.health.isOffline)
        XCTAssertEqual(harness.state.programs.items.count, 4)
        XCTAssertEqual(harness.state.message?.kind, .error)
        XCTAssertFalse(harness.state.programs.isLoading)
    }

    func testSuccessAfterFailureClearsOffline() {
        var harness = ReducerHarness.withPrograms()
        let error = AgentRefClientError(code: AgentRefClientError.networkErrorCode, status: nil, message: "connection refused")
        harness.send(.requestFailed(.programs(cursor: nil), error))
        harness.send(.programsLoaded(ReducerHarness.page(Fixtures.programs), replacing: true))
        XCTAssertFalse(harness.state.health.isOffline)
        XCTAssertFalse(harness.state.health.isFailing)
    }

    func testMessageExpires() {
        var harness = ReducerHarness.withPrograms()
        harness.press(.down, .down, .down, .character("d"))
        XCTAssertNotNil(harness.state.message)
        harness.advance(30)
        XCTAssertNil(harness.state.message)
    }

    func testSettingsScrollWithinContent() throws {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        let content = try XCTUnwrap(StripeSettingsContent(state: harness.state, programID: "prg_northwind"))
        XCTAssertTrue(content.overflows)

        harness.press(.character("j"), .character("j"))
        XCTAssertEqual(harness.state.settingsScroll, 2)
        harness.press(.character("G"))
        XCTAssertEqual(harness.state.settingsScroll, content.maxScroll)
        harness.press(.down)
        XCTAssertEqual(harness.state.settingsScroll, content.maxScroll)
        harness.press(.character("g"))
        XCTAssertEqual(harness.state.settingsScroll, 0)
    }

    func testSettingsScrollResetsOnReopen() {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("G"), .escape, .character("s"))
        XCTAssertEqual(harness.state.settingsScroll, 0)
    }

    func testSettingsFitWithoutScrollWhenTall() throws {
        var harness = ReducerHarness.withPrograms(size: TerminalSize(width: 120, height: 40))
        harness.press(.character("s"))
        harness.send(.stripeConnectionLoaded(Fixtures.connectedDetail()))
        harness.press(.character("j"))
        XCTAssertEqual(harness.state.settingsScroll, 0)
        XCTAssertFalse(harness.screenText.contains("j/k or PgUp/PgDn scroll"))
    }
}
