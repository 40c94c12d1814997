import AgentRefDomain
import Foundation
import XCTest

/// A subscription's end stops recurring commission from that moment, whatever order the
/// events arrive in.
final class SubscriptionEndTests: XCTestCase {
    private typealias Factory = StripeObjectFactory
    private let day: Int64 = 86_400

    private func subscribedHarness() -> AttributionHarness {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(commissionType: .recurring))
        harness.addClick()
        harness.receive(Factory.checkoutSession(mode: "subscription", paymentIntent: nil, subscription: "sub_1", invoice: "in_1"))
        return harness
    }

    private func renewalInvoice(daysLater: Int64) -> StripeEvent {
        Factory.invoicePaid(
            id: "in_r\(daysLater)", billingReason: "subscription_cycle", paymentIntent: "pi_r\(daysLater)",
            charge: "ch_r\(daysLater)", created: Factory.created + daysLater * day
        )
    }

    func testRenewalPaidBeforeEndStillEarns() {
        let harness = subscribedHarness()
        harness.endSubscription("sub_1", at: Factory.created + 40 * day)

        let decision = harness.receive(renewalInvoice(daysLater: 30))

        XCTAssertEqual(decision.outcome, .conversionCreated)
        XCTAssertEqual(harness.conversions.count, 2)
    }

    func testRenewalPaidAfterEndEarnsNothing() {
        let harness = subscribedHarness()
        harness.endSubscription("sub_1", at: Factory.created + 40 * day)

        let decision = harness.receive(renewalInvoice(daysLater: 61))

        XCTAssertEqual(decision.outcome, .ignored)
        XCTAssertTrue(decision.detail.contains("ended on"), decision.detail)
        XCTAssertEqual(harness.conversions.count, 1)
    }

    func testEndTimeItselfCountsAsEnded() {
        let end = Factory.created + 30 * day
        let subscription = SubscriptionAttribution(
            subscriptionId: "sub_1", programId: "prg_1", affiliateId: "aff_1", method: .cookie,
            firstConversionId: "conv_1", startedAt: Factory.created,
            endedAt: Date(timeIntervalSince1970: TimeInterval(end))
        )

        XCTAssertFalse(subscription.hasEnded(by: end - 1))
        XCTAssertTrue(subscription.hasEnded(by: end))
    }
}
