import AgentRefDomain
import Foundation
import XCTest

final class RefundAttributionTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    private func paidHarness(amount: Int64 = 10_000) -> AttributionHarness {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(percent: 20))
        harness.addClick()
        harness.receive(Factory.checkoutSession(amount: amount))
        harness.receive(Factory.charge(amount: amount))
        return harness
    }

    private var conversion: (AttributionHarness) -> Conversion? = { $0.conversions.values.first }

    func testPartialRefundsAddUp() throws {
        let harness = paidHarness()

        let first = harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 2500))
        let second = harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 5000))

        XCTAssertEqual(first.outcome, .refundApplied)
        XCTAssertEqual(second.outcome, .refundApplied)
        let refunded = try XCTUnwrap(conversion(harness))
        XCTAssertEqual(refunded.commission, 1000)
        XCTAssertEqual(refunded.commissionReversed, 1000)
        XCTAssertEqual(refunded.amountRefunded, 5000)
        XCTAssertEqual(refunded.status, .partiallyRefunded)
        XCTAssertEqual(harness.feed.compactMap(\.commissionReversal), [500, 500])
        XCTAssertEqual(harness.feed.compactMap(\.refundAmount), [2500, 2500])
    }

    func testFullRefundReversesAllCommission() throws {
        let harness = paidHarness()

        harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 10_000))

        let refunded = try XCTUnwrap(conversion(harness))
        XCTAssertEqual(refunded.commission, 0)
        XCTAssertEqual(refunded.commissionReversed, 2000)
        XCTAssertEqual(refunded.status, .refunded)
    }

    func testRefundBeyondChargeIsCappedAtEarnedCommission() throws {
        let harness = paidHarness()

        harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 7000))
        harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 99_000))

        let refunded = try XCTUnwrap(conversion(harness))
        XCTAssertEqual(refunded.commissionReversed, 2000)
        XCTAssertEqual(refunded.commission, 0)
        XCTAssertEqual(refunded.amountRefunded, 10_000)
    }

    func testOlderRefundEventAfterNewerChangesNothing() throws {
        let harness = paidHarness()
        harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 5000))

        let stale = harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 2500))

        XCTAssertEqual(stale.outcome, .ignored)
        XCTAssertEqual(try XCTUnwrap(conversion(harness)).commissionReversed, 1000)
        XCTAssertEqual(harness.feed.count, 2)
    }

    func testEarlyRefundAppliedOnCreation() throws {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(percent: 20))
        harness.addClick()

        let refund = harness.receive(Factory.charge(.chargeRefunded, amount: 10_000, amountRefunded: 4000))
        let session = harness.receive(Factory.checkoutSession(amount: 10_000))

        XCTAssertEqual(refund.outcome, .unattributed)
        XCTAssertEqual(session.outcome, .conversionCreated)
        XCTAssertEqual(harness.feed.map(\.type), [.created, .refunded])
        XCTAssertEqual(harness.feed.first?.conversion.commission, 2000)
        XCTAssertEqual(try XCTUnwrap(conversion(harness)).commission, 1200)
    }

    func testTaxedRefundStaysWithinNetAmount() throws {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram(percent: 20))
        harness.addClick()
        harness.receive(Factory.checkoutSession(amount: 12_000, tax: 2000))
        harness.receive(Factory.charge(amount: 12_000))

        harness.receive(Factory.charge(.chargeRefunded, amount: 12_000, amountRefunded: 6000))

        let refunded = try XCTUnwrap(conversion(harness))
        XCTAssertEqual(refunded.amount, 10_000)
        XCTAssertEqual(refunded.amountRefunded, 5000)
        XCTAssertEqual(refunded.commissionReversed, 1000)
    }

    func testReversalRoundsHalfAwayFromZero() throws {
        let conversion = Conversion(
            id: "conv_1", affiliateId: "aff_1", programId: "prg_1", amount: 999, commission: 333,
            createdAt: Date(), currency: .usd
        )

        let reversal = try XCTUnwrap(RefundReversal.apply(to: conversion, refundedTotal: 500, paymentAmount: 999, at: Date()))

        XCTAssertEqual(reversal.commissionReversal, 167)
        XCTAssertEqual(reversal.refundAmount, 500)
        XCTAssertEqual(reversal.conversion.commission, 166)
    }
}
