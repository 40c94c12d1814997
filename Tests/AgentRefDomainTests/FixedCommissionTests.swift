import AgentRefDomain
import Foundation
import XCTest

/// A program's fixed commission per payment, in minor units of the program's currency.
final class FixedCommissionTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    private func makeHarness(fixedAmount: Int64, percent: Double = 20) -> AttributionHarness {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(percent: percent, fixedAmount: fixedAmount))
        harness.addClick()
        return harness
    }

    func testFixedAmountReplacesPercentage() throws {
        let harness = makeHarness(fixedAmount: 500)

        let decision = harness.receive(Factory.checkoutSession(amount: 4900))

        let conversion = try XCTUnwrap(decision.createdConversion)
        XCTAssertEqual(conversion.amount, 4900)
        XCTAssertEqual(conversion.commission, 500)
        XCTAssertEqual(conversion.commissionEarned, 500)
    }

    func testFixedAmountNeverExceedsPayment() throws {
        let harness = makeHarness(fixedAmount: 1000)

        let decision = harness.receive(Factory.checkoutSession(amount: 700))

        XCTAssertEqual(try XCTUnwrap(decision.createdConversion).commission, 700)
    }

    func testFixedAmountInOtherCurrencyEarnsNothing() throws {
        let harness = makeHarness(fixedAmount: 500)

        let decision = harness.receive(Factory.checkoutSession(amount: 4900, currency: "eur"))

        let conversion = try XCTUnwrap(decision.createdConversion)
        XCTAssertEqual(conversion.commission, 0)
        XCTAssertEqual(conversion.currency, .eur)
        XCTAssertTrue(decision.detail.contains("fixed commission"), decision.detail)
        XCTAssertTrue(decision.detail.contains("EUR"), decision.detail)
    }

    func testPartialRefundReversesShareOfFixedAmount() throws {
        let harness = makeHarness(fixedAmount: 500)
        harness.receive(Factory.checkoutSession(amount: 4000))

        let refund = harness.receive(Factory.charge(.chargeRefunded, amount: 4000, amountRefunded: 1000))

        let conversion = try XCTUnwrap(refund.updatedConversion)
        XCTAssertEqual(conversion.commissionReversed, 125)
        XCTAssertEqual(conversion.commission, 375)
    }

    func testRuleOfProgramChoosesFixedOrPercent() {
        var program = AttributionHarness.makeProgram(percent: 12.5)

        XCTAssertEqual(CommissionRule.of(program, forPaymentIn: .jpy)?.commission(on: 1000), 125)

        program.commissionFixedAmount = 300
        XCTAssertEqual(CommissionRule.of(program, forPaymentIn: .usd)?.commission(on: 1000), 300)
        XCTAssertEqual(CommissionRule.of(program, forPaymentIn: nil)?.commission(on: 1000), 300)
        XCTAssertNil(CommissionRule.of(program, forPaymentIn: .jpy))
    }
}
