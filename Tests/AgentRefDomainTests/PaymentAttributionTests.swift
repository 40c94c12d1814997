import AgentRefDomain
import Foundation
import XCTest

/// One payment is one conversion, whatever order and however often its events arrive.
final class PaymentAttributionTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    private func makeHarness(_ program: Program = AttributionHarness.makeProgram()) -> AttributionHarness {
        let harness = AttributionHarness(program: program)
        harness.addClick()
        return harness
    }

    func testCheckoutCommissionUsesNetAmount() throws {
        let harness = makeHarness()

        let decision = harness.receive(Factory.checkoutSession(amount: 1190, tax: 190))

        XCTAssertEqual(decision.outcome, .conversionCreated)
        let conversion = try XCTUnwrap(decision.createdConversion)
        XCTAssertEqual(conversion.amount, 1000)
        XCTAssertEqual(conversion.commission, 200)
        XCTAssertEqual(conversion.status, .pending)
        XCTAssertEqual(conversion.affiliateId, "aff_1")
        XCTAssertEqual(conversion.currency, .usd)
        XCTAssertEqual(conversion.method, "cookie")
        XCTAssertEqual(harness.feed.map(\.type), [.created])
    }

    func testChargeBeforeSessionGivesOneConversion() {
        let harness = makeHarness()

        let charge = harness.receive(Factory.charge())
        let session = harness.receive(Factory.checkoutSession())

        XCTAssertEqual(charge.outcome, .unattributed)
        XCTAssertEqual(session.outcome, .conversionCreated)
        XCTAssertEqual(harness.conversions.count, 1)
        XCTAssertEqual(harness.payments.count, 1)
        XCTAssertEqual(harness.unattributedPaymentCount, 0)
        XCTAssertEqual(harness.conversions.values.first?.stripeChargeId, "ch_1")
    }

    func testSubscriptionTripletInEveryOrderGivesOneConversion() {
        let events = [
            Factory.checkoutSession(mode: "subscription", paymentIntent: nil, subscription: "sub_1", invoice: "in_1"),
            Factory.invoicePaid(),
            Factory.charge(invoice: nil),
        ]
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let harness = makeHarness()
            order.forEach { harness.receive(events[$0]) }

            XCTAssertEqual(harness.conversions.count, 1, "order \(order)")
            XCTAssertEqual(harness.payments.count, 1, "order \(order)")
            XCTAssertEqual(harness.subscriptions["sub_1"]?.affiliateId, "aff_1", "order \(order)")
            XCTAssertEqual(harness.feed.count, 1, "order \(order)")
        }
    }

    func testRepeatedObjectIsReportedAsDuplicate() {
        let harness = makeHarness()
        harness.receive(Factory.checkoutSession())

        let again = harness.receive(Factory.checkoutSession())

        XCTAssertEqual(again.outcome, .duplicate)
        XCTAssertEqual(harness.conversions.count, 1)
    }

    func testLaterEventOfSamePaymentIsLinked() {
        let harness = makeHarness()
        harness.receive(Factory.checkoutSession())

        let charge = harness.receive(Factory.charge())

        XCTAssertEqual(charge.outcome, .linked)
        XCTAssertNotNil(charge.conversionId)
    }

    func testPaymentWithoutClickIdIsUnattributed() {
        let harness = makeHarness()

        let decision = harness.receive(Factory.checkoutSession(cid: nil))

        XCTAssertEqual(decision.outcome, .unattributed)
        XCTAssertTrue(decision.detail.contains("no agentref_cid"), decision.detail)
        XCTAssertEqual(harness.unattributedPaymentCount, 1)
        XCTAssertTrue(harness.conversions.isEmpty)
    }

    func testUnknownClientReferenceFallsBackToMetadataClick() {
        let harness = makeHarness()
        let event = Factory.event(.checkoutSessionCompleted, [
            "id": "cs_test_9", "object": "checkout.session", "mode": "payment", "amount_total": 1000,
            "currency": "usd", "payment_status": "paid", "client_reference_id": "merchant-order-17",
            "metadata": ["agentref_cid": "cid_1"],
        ])

        let decision = harness.receive(event)

        XCTAssertEqual(decision.outcome, .conversionCreated)
    }

    func testClickOfAnotherProgramDoesNotAttribute() {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram())
        harness.addClick(program: "prg_other")

        let decision = harness.receive(Factory.checkoutSession())

        XCTAssertEqual(decision.outcome, .unattributed)
        XCTAssertTrue(decision.detail.contains("prg_other"), decision.detail)
    }

    func testClickOlderThanCookieDurationDoesNotAttribute() {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram())
        let fortyDaysEarlier = TimeInterval(Factory.created) - 40 * 86_400
        harness.addClick(at: Date(timeIntervalSince1970: fortyDaysEarlier))

        let decision = harness.receive(Factory.checkoutSession())

        XCTAssertEqual(decision.outcome, .unattributed)
        XCTAssertTrue(decision.detail.contains("30-day"), decision.detail)
    }

    func testDirectChargeWithMetadataClickCreatesConversion() throws {
        let harness = makeHarness()

        let decision = harness.receive(Factory.charge(paymentIntent: "pi_direct", cid: "cid_1"))

        XCTAssertEqual(decision.outcome, .conversionCreated)
        XCTAssertEqual(try XCTUnwrap(decision.createdConversion).method, "metadata")
    }

    func testZeroAmountKeepsSubscriptionAffiliate() {
        let harness = makeHarness()

        let decision = harness.receive(
            Factory.checkoutSession(mode: "subscription", amount: 0, paymentIntent: nil, subscription: "sub_1")
        )

        XCTAssertEqual(decision.outcome, .ignored)
        XCTAssertTrue(harness.conversions.isEmpty)
        XCTAssertEqual(harness.subscriptions["sub_1"]?.affiliateId, "aff_1")
        XCTAssertNil(harness.subscriptions["sub_1"]?.firstConversionId)
    }

    func testUnpaidSessionWaitsForCharge() {
        let harness = makeHarness()

        let session = harness.receive(Factory.checkoutSession(paymentStatus: "unpaid"))
        let charge = harness.receive(Factory.charge())

        XCTAssertEqual(session.outcome, .ignored)
        XCTAssertEqual(charge.outcome, .conversionCreated)
        XCTAssertEqual(harness.conversions.count, 1)
    }
}
