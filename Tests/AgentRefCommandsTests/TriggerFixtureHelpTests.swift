@testable import AgentRefCommands
import Foundation
import StripeSimulator
import XCTest

/// `agentref trigger --help` lists the attribution fixtures it can replay.
final class TriggerFixtureHelpTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("AgentRefServerTests/Fixtures/Attribution")

    func testHelpListsReplayableFixturesWithDescriptions() throws {
        let text = FixtureHelp.text(directory: fixtures)

        XCTAssertTrue(text.contains("  refund-partial-twice\n      Two partial refunds"), text)
        XCTAssertTrue(text.contains(fixtures.path), text)
    }

    func testHelpLeavesOutFixturesThatDisconnect() {
        let text = FixtureHelp.text(directory: fixtures)

        XCTAssertFalse(text.contains("  disconnected-program\n"), text)
        XCTAssertTrue(text.contains("1 more fixture(s) disconnect the program midway"), text)
    }

    func testHelpWithoutFolderSaysHowToSetOne() {
        let text = FixtureHelp.text(directory: nil)

        XCTAssertTrue(text.contains("AGENTREF_FIXTURES"), text)
        XCTAssertTrue(text.contains("--fixtures DIR"), text)
    }

    func testTriggerHelpIncludesFixtureList() {
        let help = HelpFormatter.help(for: TriggerCommand.spec)

        XCTAssertTrue(help.contains("Fixture replays"), help)
    }

    func testFixtureFolderFoundAboveExecutable() throws {
        let checkout = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let executable = checkout.appendingPathComponent(".build/debug/agentref")

        let found = FixtureCatalog.locateDirectory(
            environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executable: executable
        )

        XCTAssertEqual(found?.standardizedFileURL.path, fixtures.standardizedFileURL.path)
    }

    func testEnvironmentVariableWinsOverCheckout() {
        let found = FixtureCatalog.locateDirectory(
            environment: ["AGENTREF_FIXTURES": "/srv/fixtures"], currentDirectory: fixtures, executable: fixtures
        )

        XCTAssertEqual(found?.path, "/srv/fixtures")
    }

    func testExpectationTextNamesProgramAndTotals() throws {
        let fixture = try XCTUnwrap(try FixtureCatalog(directory: fixtures).fixture(named: "fixed-commission"))

        let text = FixtureReplay.expectationText(fixture)

        XCTAssertTrue(text.contains("recurring, fixed USD 5.00, USD"), text)
        XCTAssertTrue(text.contains("2 conversions"), text)
        XCTAssertTrue(text.contains("revenue USD 98.00"), text)
    }
}
