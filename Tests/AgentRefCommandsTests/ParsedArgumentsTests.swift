@testable import AgentRefCommands
import XCTest

final class ParsedArgumentsTests: XCTestCase {
    private let spec = CommandSpec(
        name: "serve",
        summary: "test",
        arguments: [ArgumentSpec("PROGRAM", help: "id", isRequired: false)],
        options: [
            OptionSpec("port", value: "PORT", help: "port"),
            OptionSpec("demo-data", help: "flag"),
        ]
    )

    func testValuesAndFlagsInBothSpellings() throws {
        let parsed = try ParsedArguments.parse(["--port", "8420", "--demo-data"], spec: spec)
        XCTAssertEqual(parsed.value("port"), "8420")
        XCTAssertTrue(parsed.flag("demo-data"))

        let inline = try ParsedArguments.parse(["--port=9000"], spec: spec)
        XCTAssertEqual(inline.value("port"), "9000")
    }

    func testUnknownOptionNamesItAndTheHelpCommand() {
        XCTAssertThrowsError(try ParsedArguments.parse(["--prot", "1"], spec: spec)) { error in
            XCTAssertEqual(
                String(describing: error),
                "unknown option --prot for 'agentref serve'; see 'agentref serve --help'"
            )
        }
    }

    func testMissingValueShowsExpectedForm() {
        XCTAssertThrowsError(try ParsedArguments.parse(["--port"], spec: spec)) { error in
            XCTAssertTrue(String(describing: error).contains("--port PORT"), "\(error)")
        }
    }

    func testFlagWithValueIsRejected() {
        XCTAssertThrowsError(try ParsedArguments.parse(["--demo-data=yes"], spec: spec)) { error in
            XCTAssertTrue(String(describing: error).contains("takes no value"), "\(error)")
        }
    }

    func testExtraPositionalIsRejected() {
        XCTAssertThrowsError(try ParsedArguments.parse(["prg_1", "prg_2"], spec: spec)) { error in
            XCTAssertTrue(String(describing: error).contains("\"prg_2\""), "\(error)")
        }
    }

    func testDoubleDashEndsOptions() throws {
        let parsed = try ParsedArguments.parse(["--", "--port"], spec: spec)
        XCTAssertEqual(parsed.positionals, ["--port"])
        XCTAssertNil(parsed.value("port"))
    }

    func testHelpSkipsArgumentChecks() throws {
        let required = CommandSpec(name: "stripe", summary: "s", arguments: [ArgumentSpec("ACTION", help: "a")])
        let parsed = try ParsedArguments.parse(["--help"], spec: required)
        XCTAssertTrue(parsed.flag("help"))
    }

    func testPortValidationNamesValueAndRange() throws {
        let parsed = try ParsedArguments.parse(["--port", "99999"], spec: spec)
        XCTAssertThrowsError(try parsed.port("port", default: 1, command: "serve")) { error in
            XCTAssertTrue(String(describing: error).contains("\"99999\""), "\(error)")
            XCTAssertTrue(String(describing: error).contains("0 to 65535"), "\(error)")
        }
        XCTAssertEqual(try ParsedArguments().port("port", default: 8420, command: "serve"), 8420)
    }

    func testHelpListsEveryOption() {
        let help = HelpFormatter.help(for: spec)
        XCTAssertTrue(help.contains("Usage: agentref serve [options] [PROGRAM]"))
        XCTAssertTrue(help.contains("--port PORT"))
        XCTAssertTrue(help.contains("--demo-data"))
        XCTAssertTrue(help.contains("--help"))
    }
}
