import AgentRefDomain
import Foundation
import XCTest

/// A conversion made from a charge, which states no tax, is corrected to the amount net of
/// tax once the session of the same payment arrives.
final class AmountCorrectionTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    private func chargeFirstHarness() -> AttributionHarness {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(percent: 20))
        harness.addClick()
        harness.receive(Factory.charge(amount: 5900, cid: "cid_1"))
        return harness
    }

    func testSessionCorrectsAmountAndCommission() throws {
        let harness = chargeFirstHarness()

        let decision = harness.receive(Factory.checkoutSession(cid: nil, amount: 5900, tax: 1000))

        let conversion = try XCTUnwrap(decision.updatedConversion)
        XCTAssertEqual(decision.outcome, .linked)
        XCTAssertEqual(conversion.amount, 4900)
        XCTAssertEqual(conversion.commission, 980)
        XCTAssertEqual(conversion.commissionEarned, 980)
        XCTAssertEqual(harness.feed.map(\.type), [.created, .updated])
        XCTAssertTrue(decision.detail.contains("corrected from USD 59.00 to USD 49.00"), decision.detail)
    }

    func testCorrectionRecomputesEarlierRefund() throws {
        let harness = chargeFirstHarness()
        harness.receive(Factory.charge(.chargeRefunded, amount: 5900, amountRefunded: 2950, cid: "cid_1"))

        let decision = harness.receive(Factory.checkoutSession(cid: nil, amount: 5900, tax: 1000))

        let conversion = try XCTUnwrap(decision.updatedConversion)
        XCTAssertEqual(conversion.commissionReversed, 490)
        XCTAssertEqual(conversion.commission, 490)
        XCTAssertEqual(conversion.amountRefunded, 2450)
        XCTAssertEqual(conversion.status, .partiallyRefunded)
    }

    func testSessionWithoutTaxChangesNothing() {
        let harness = chargeFirstHarness()

        let decision = harness.receive(Factory.checkoutSession(cid: nil, amount: 5900))

        XCTAssertEqual(decision.updatedConversion?.amount, 5900)
        XCTAssertEqual(decision.updatedConversion?.commission, 1180)
        XCTAssertEqual(harness.feed.map(\.type), [.created])
    }
}
