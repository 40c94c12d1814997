import AgentRefDomain
import XCTest

final class CommissionRuleTests: XCTestCase {
    func testPercentRoundsHalfAwayFromZero() {
        let rule = CommissionRule(percent: 20.0)
        XCTAssertEqual(rule.commission(on: 2_900), 580)
        XCTAssertEqual(rule.commission(on: 1_999), 400)  // 399.8
        XCTAssertEqual(rule.commission(on: 1_997), 399)  // 399.4
        XCTAssertEqual(rule.commission(on: 1_998), 400)  // 399.6
    }

    func testExactHalfRoundsUp() {
        let rule = CommissionRule(percent: 50.0)
        XCTAssertEqual(rule.commission(on: 1), 1)  // 0.5
        XCTAssertEqual(rule.commission(on: 3), 2)  // 1.5
    }

    func testFractionalPercentIsExact() {
        // 12.5 % of 1,000 is exactly 125; binary floating point would risk 124.99….
        XCTAssertEqual(CommissionRule(percent: 12.5).commission(on: 1_000), 125)
        XCTAssertEqual(CommissionRule(percent: 33.3).commission(on: 10_000), 3_330)
    }

    func testZeroAndNegativeAmountsEarnNothing() {
        let rule = CommissionRule(percent: 30.0)
        XCTAssertEqual(rule.commission(on: 0), 0)
        XCTAssertEqual(rule.commission(on: -500), 0)
    }

    func testFixedCommissionNeverExceedsPayment() {
        let rule = CommissionRule(percent: 0.0, fixedMinorUnits: 1_000)
        XCTAssertEqual(rule.commission(on: 5_000), 1_000)
        XCTAssertEqual(rule.commission(on: 400), 400)
        XCTAssertEqual(rule.commission(on: 0), 0)
    }

    func testPartialRefundReversesProportionally() {
        XCTAssertEqual(CommissionRule.reversal(earned: 580, amount: 2_900, refunded: 1_450), 290)
        XCTAssertEqual(CommissionRule.reversal(earned: 400, amount: 1_999, refunded: 1_000), 200)  // 200.1
    }

    func testCumulativeRefundsNeverExceedEarned() {
        XCTAssertEqual(CommissionRule.reversal(earned: 580, amount: 2_900, refunded: 2_900), 580)
        XCTAssertEqual(CommissionRule.reversal(earned: 580, amount: 2_900, refunded: 5_000), 580)
    }

    func testNoRefundReversesNothing() {
        XCTAssertEqual(CommissionRule.reversal(earned: 580, amount: 2_900, refunded: 0), 0)
        XCTAssertEqual(CommissionRule.reversal(earned: 0, amount: 2_900, refunded: 100), 0)
    }
}
