import ServiceKit
import XCTest

final class FaultPlanTests: XCTestCase {
    func testSpecificationParsesEveryKind() throws {
        let plan = try FaultPlan.parse("delay=200ms:0.2,status500:0.1,status429:0.1,drop:0.05")

        XCTAssertEqual(plan.rules, [
            .init(kind: .delay(seconds: 0.2), probability: 0.2),
            .init(kind: .status(code: 500, retryAfterSeconds: nil), probability: 0.1),
            .init(kind: .status(code: 429, retryAfterSeconds: 1), probability: 0.1),
            .init(kind: .drop, probability: 0.05),
        ])
    }

    func testProbabilityDefaultsToOne() throws {
        XCTAssertEqual(try FaultPlan.parse("drop").rules, [.init(kind: .drop, probability: 1)])
    }

    func testStatus429TakesRetryAfter() throws {
        let plan = try FaultPlan.parse("status429=2s:0.5")

        XCTAssertEqual(plan.rules, [.init(kind: .status(code: 429, retryAfterSeconds: 2), probability: 0.5)])
    }

    func testDescriptionParsesBack() throws {
        let plan = try FaultPlan.parse("delay=1.5s:0.2, status503:1 ,drop:0.25")

        XCTAssertEqual(try FaultPlan.parse(plan.description), plan)
    }

    func testEmptySpecificationHasNoRules() throws {
        XCTAssertEqual(try FaultPlan.parse("").rules, [])
    }

    func testInvalidRulesNameTheRuleAndTheFix() {
        let cases: [(String, String)] = [
            ("explode:0.1", "unknown fault \"explode\""),
            ("status200:0.1", "unknown fault \"status200\""),
            ("drop:1.5", "probability \"1.5\" must be a number from 0 to 1"),
            ("delay:0.1", "delay needs a duration"),
            ("delay=fast:0.1", "duration \"fast\" must be a number with ms or s"),
            ("status500=2s", "only status429 takes a value"),
            ("drop=1", "drop takes no value"),
        ]
        for (specification, expected) in cases {
            XCTAssertThrowsError(try FaultPlan.parse(specification), specification) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertTrue("\(error)".contains(specification), "\(error)")
            }
        }
    }
}
