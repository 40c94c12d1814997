import AgentRefDomain
import Foundation
import XCTest

final class RecurringAttributionTests: XCTestCase {
    private typealias Factory = StripeObjectFactory
    private let day: Int64 = 86_400

    private func subscribedHarness(_ program: Program) -> AttributionHarness {
        let harness = AttributionHarness(program: program)
        harness.addClick()
        harness.receive(Factory.checkoutSession(mode: "subscription", paymentIntent: nil, subscription: "sub_1", invoice: "in_1"))
        harness.receive(Factory.invoicePaid())
        harness.receive(Factory.charge())
        return harness
    }

    private func renewal(_ number: Int, daysLater: Int64) -> [StripeEvent] {
        let created = Factory.created + daysLater * day
        return [
            Factory.invoicePaid(
                id: "in_r\(number)", billingReason: "subscription_cycle", paymentIntent: "pi_r\(number)",
                charge: "ch_r\(number)", created: created
            ),
            Factory.charge(id: "ch_r\(number)", paymentIntent: "pi_r\(number)", created: created),
        ]
    }

    func testRecurringRenewalCreditsSameAffiliate() throws {
        let harness = subscribedHarness(AttributionHarness.makeProgram(commissionType: .recurring))

        let decisions = renewal(1, daysLater: 30).map { harness.receive($0) }

        XCTAssertEqual(decisions.map(\.outcome), [.conversionCreated, .linked])
        XCTAssertEqual(harness.conversions.count, 2)
        XCTAssertEqual(try XCTUnwrap(decisions[0].createdConversion).affiliateId, "aff_1")
    }

    func testRenewalChargeBeforeInvoiceGivesOneConversion() {
        let harness = subscribedHarness(AttributionHarness.makeProgram(commissionType: .recurring))

        let decisions = renewal(1, daysLater: 30).reversed().map { harness.receive($0) }

        XCTAssertEqual(decisions.map(\.outcome), [.unattributed, .conversionCreated])
        XCTAssertEqual(harness.conversions.count, 2)
        XCTAssertEqual(harness.unattributedPaymentCount, 0)
    }

    func testRenewalOfOneTimeProgramIsIgnored() {
        let harness = subscribedHarness(AttributionHarness.makeProgram(commissionType: .oneTime))

        let decision = harness.receive(renewal(1, daysLater: 30)[0])

        XCTAssertEqual(decision.outcome, .ignored)
        XCTAssertTrue(decision.detail.contains("one_time"), decision.detail)
        XCTAssertEqual(harness.conversions.count, 1)
    }

    func testLimitedProgramPaysOnlyWithinLimitMonths() {
        let harness = subscribedHarness(AttributionHarness.makeProgram(commissionType: .recurringLimited, limitMonths: 2))

        let second = harness.receive(renewal(1, daysLater: 31)[0])
        let afterLimit = harness.receive(renewal(2, daysLater: 62)[0])

        XCTAssertEqual(second.outcome, .conversionCreated)
        XCTAssertEqual(afterLimit.outcome, .ignored)
        XCTAssertTrue(afterLimit.detail.contains("2-month"), afterLimit.detail)
    }

    func testEndedSubscriptionEarnsNoMore() {
        let harness = subscribedHarness(AttributionHarness.makeProgram(commissionType: .recurring))
        harness.endSubscription("sub_1")

        let decision = harness.receive(renewal(1, daysLater: 30)[0])

        XCTAssertEqual(decision.outcome, .ignored)
        XCTAssertTrue(decision.detail.contains("ended"), decision.detail)
    }

    func testRenewalOfUnknownSubscriptionIsUnattributed() {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram())

        let decision = harness.receive(renewal(1, daysLater: 30)[0])

        XCTAssertEqual(decision.outcome, .unattributed)
    }

    func testFirstPaidRenewalAfterTrialEarns() {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(commissionType: .oneTime))
        harness.addClick()
        harness.receive(Factory.checkoutSession(mode: "subscription", amount: 0, paymentIntent: nil, subscription: "sub_1"))

        let firstPaid = harness.receive(renewal(1, daysLater: 14)[0])
        let secondPaid = harness.receive(renewal(2, daysLater: 44)[0])

        XCTAssertEqual(firstPaid.outcome, .conversionCreated)
        XCTAssertEqual(secondPaid.outcome, .ignored)
        XCTAssertEqual(harness.subscriptions["sub_1"]?.firstConversionId, firstPaid.createdConversion?.id)
    }

    func testLimitEndUsesCalendarMonths() {
        let program = AttributionHarness.makeProgram(commissionType: .recurringLimited, limitMonths: 1)
        let january31 = Int64(1_769_817_600)  // 2026-01-31T00:00:00Z
        let subscription = SubscriptionAttribution(
            subscriptionId: "sub_1", programId: "prg_1", affiliateId: "aff_1", method: .cookie,
            firstConversionId: "conv_1", startedAt: january31
        )

        let lastFebruaryDay = RecurringCommissionPolicy.evaluate(subscription, program: program, paidAt: january31 + 27 * day)
        let march1 = RecurringCommissionPolicy.evaluate(subscription, program: program, paidAt: january31 + 29 * day)

        XCTAssertEqual(lastFebruaryDay, .eligible(firstPaidPayment: false))
        guard case .ineligible = march1 else { return XCTFail("expected ineligible, got \(march1)") }
    }
}
