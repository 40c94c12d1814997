@testable import AgentRefCommands
import XCTest

final class WebhookModeOptionTests: XCTestCase {
    private let spec = CommandSpec(
        name: "serve", summary: "test", options: [WebhookModeOption.spec(defaultMode: .auto)]
    )

    private func mode(_ arguments: [String]) throws -> String {
        let parsed = try ParsedArguments.parse(arguments, spec: spec)
        return try WebhookModeOption.parse(parsed, default: .auto, command: "serve").rawValue
    }

    func testEveryModeIsAccepted() throws {
        XCTAssertEqual(try mode(["--stripe-webhook-mode", "account"]), "account")
        XCTAssertEqual(try mode(["--stripe-webhook-mode=connect"]), "connect")
        XCTAssertEqual(try mode(["--stripe-webhook-mode", "AUTO"]), "auto")
    }

    func testMissingOptionGivesDefault() throws {
        XCTAssertEqual(try mode([]), "auto")
    }

    func testInvalidModeNamesValueAndChoices() {
        XCTAssertThrowsError(try mode(["--stripe-webhook-mode", "platform"])) { error in
            XCTAssertTrue(String(describing: error).contains(#"invalid --stripe-webhook-mode "platform""#), "\(error)")
            XCTAssertTrue(String(describing: error).contains("auto, account, connect"), "\(error)")
        }
    }
}
