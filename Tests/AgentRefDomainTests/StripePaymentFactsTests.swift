import AgentRefDomain
import Foundation
import XCTest

final class StripePaymentFactsTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    func testCheckoutSessionReadsAmountTaxAndCurrency() throws {
        let facts = try XCTUnwrap(StripePaymentFacts(event: Factory.checkoutSession(amount: 1190, tax: 190, currency: "eur")))

        XCTAssertEqual(facts.source, .checkoutSession)
        XCTAssertEqual(facts.totalAmount, 1190)
        XCTAssertEqual(facts.taxAmount, 190)
        XCTAssertEqual(facts.currency, CurrencyCode("EUR"))
        XCTAssertEqual(facts.kind, .oneTime)
        XCTAssertEqual(facts.references.checkoutSessionId, "cs_test_1")
        XCTAssertEqual(facts.references.paymentIntentId, "pi_1")
        XCTAssertEqual(facts.references.customerId, "cus_1")
        XCTAssertTrue(facts.isPaid)
    }

    func testClientReferenceIdComesBeforeSessionMetadata() throws {
        let event = Factory.event(.checkoutSessionCompleted, [
            "id": "cs_test_2", "object": "checkout.session", "mode": "payment",
            "client_reference_id": "cid_from_reference",
            "metadata": ["agentref_cid": "cid_from_metadata"],
        ])
        let facts = try XCTUnwrap(StripePaymentFacts(event: event))

        XCTAssertEqual(facts.clickIDs.map(\.value), ["cid_from_reference", "cid_from_metadata"])
        XCTAssertEqual(facts.clickIDs.map(\.method), [.cookie, .cookie])
    }

    func testSessionReadsExpandedSubscriptionAndCustomerMetadata() throws {
        let event = Factory.event(.checkoutSessionCompleted, [
            "id": "cs_test_3", "object": "checkout.session", "mode": "subscription",
            "subscription": ["id": "sub_9", "metadata": ["agentref_cid": "cid_sub"]],
            "customer": ["id": "cus_9", "metadata": ["agentref_cid": "cid_customer"]],
        ])
        let facts = try XCTUnwrap(StripePaymentFacts(event: event))

        XCTAssertEqual(facts.clickIDs.map(\.value), ["cid_sub", "cid_customer"])
        XCTAssertEqual(facts.clickIDs.first?.method, .metadata)
        XCTAssertEqual(facts.references.subscriptionId, "sub_9")
        XCTAssertEqual(facts.references.customerId, "cus_9")
        XCTAssertEqual(facts.kind, .subscriptionStart)
    }

    func testUnpaidSessionIsNotPaid() throws {
        let facts = try XCTUnwrap(StripePaymentFacts(event: Factory.checkoutSession(paymentStatus: "unpaid")))
        XCTAssertFalse(facts.isPaid)
    }

    func testInvoiceKindFollowsBillingReason() throws {
        let first = try XCTUnwrap(StripePaymentFacts(event: Factory.invoicePaid(billingReason: "subscription_create")))
        let cycle = try XCTUnwrap(StripePaymentFacts(event: Factory.invoicePaid(billingReason: "subscription_cycle")))
        let manual = try XCTUnwrap(StripePaymentFacts(event: Factory.invoicePaid(billingReason: "manual", subscription: nil)))

        XCTAssertEqual(first.kind, .subscriptionStart)
        XCTAssertEqual(cycle.kind, .subscriptionRenewal)
        XCTAssertEqual(manual.kind, .oneTime)
    }

    func testInvoiceReadsSubscriptionDetailsMetadataAndTax() throws {
        let facts = try XCTUnwrap(StripePaymentFacts(event: Factory.invoicePaid(amount: 1200, tax: 200, subscriptionCid: "cid_7")))

        XCTAssertEqual(facts.clickIDs.map(\.value), ["cid_7"])
        XCTAssertEqual(facts.clickIDs.first?.field, "subscription_details.metadata.agentref_cid")
        XCTAssertEqual(facts.taxAmount, 200)
        XCTAssertEqual(facts.references.chargeId, "ch_1")
    }

    func testNewerInvoiceReadsParentAndTaxes() throws {
        let event = Factory.event(.invoicePaid, [
            "id": "in_5", "object": "invoice", "billing_reason": "subscription_cycle", "amount_paid": 1000,
            "currency": "usd", "total_taxes": [["amount": 60], ["amount": 40]],
            "parent": ["subscription_details": ["subscription": "sub_5", "metadata": ["agentref_cid": "cid_5"]]],
        ])
        let facts = try XCTUnwrap(StripePaymentFacts(event: event))

        XCTAssertEqual(facts.references.subscriptionId, "sub_5")
        XCTAssertEqual(facts.taxAmount, 100)
        XCTAssertEqual(facts.clickIDs.map(\.value), ["cid_5"])
        XCTAssertEqual(facts.kind, .subscriptionRenewal)
    }

    func testChargeReadsRefundTotalAndMetadata() throws {
        let event = Factory.charge(.chargeRefunded, amount: 5000, amountRefunded: 1500, cid: "cid_direct")
        let facts = try XCTUnwrap(StripePaymentFacts(event: event))

        XCTAssertEqual(facts.source, .charge)
        XCTAssertEqual(facts.amountRefunded, 1500)
        XCTAssertEqual(facts.clickIDs.map(\.value), ["cid_direct"])
        XCTAssertEqual(facts.clickIDs.first?.method, .metadata)
        XCTAssertEqual(facts.kind, .unknown)
    }

    func testOtherObjectsHaveNoPaymentFacts() {
        let event = Factory.event(.customerSubscriptionDeleted, ["id": "sub_1", "object": "subscription"])
        XCTAssertNil(StripePaymentFacts(event: event))
    }
}
