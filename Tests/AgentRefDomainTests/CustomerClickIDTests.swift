import AgentRefDomain
import Foundation
import XCTest

/// `agentref_cid` in a customer's metadata, which the server fetches because webhook events
/// never expand the customer.
final class CustomerClickIDTests: XCTestCase {
    private typealias Factory = StripeObjectFactory

    private func facts(_ event: StripeEvent) throws -> StripePaymentFacts {
        try XCTUnwrap(StripePaymentFacts(event: event))
    }

    private func customer(cid: String?) -> JSONValue {
        Factory.json(["id": "cus_1", "object": "customer", "metadata": Factory.cidMetadata(cid)])
    }

    func testChargeWithoutClickIdNeedsCustomer() throws {
        XCTAssertTrue(try facts(Factory.charge()).needsCustomerClickID)
    }

    func testEventWithClickIdNeedsNoCustomer() throws {
        XCTAssertFalse(try facts(Factory.checkoutSession(cid: "cid_1")).needsCustomerClickID)
    }

    func testRenewalNeedsNoCustomer() throws {
        let renewal = Factory.invoicePaid(billingReason: "subscription_cycle")

        XCTAssertFalse(try facts(renewal).needsCustomerClickID)
    }

    func testChargeOfInvoiceLeavesLookupToInvoice() throws {
        XCTAssertFalse(try facts(Factory.charge(invoice: "in_1")).needsCustomerClickID)
    }

    func testCustomerClickIdComesLast() throws {
        var charge = try facts(Factory.charge(cid: "cid_charge"))

        charge.addClickIDs(fromCustomer: customer(cid: "cid_customer"))
        charge.addClickIDs(fromCustomer: customer(cid: "cid_charge"))

        XCTAssertEqual(charge.clickIDs.map(\.value), ["cid_charge", "cid_customer"])
        XCTAssertEqual(charge.clickIDs.last?.field, "customer.metadata.agentref_cid")
        XCTAssertEqual(charge.clickIDs.last?.method, .metadata)
    }

    func testCustomerClickIdAttributesDirectCharge() throws {
        let harness = AttributionHarness(program: AttributionHarness.makeProgram())
        harness.addClick("cid_customer")

        let decision = harness.receive(Factory.charge(), customer: customer(cid: "cid_customer"))

        XCTAssertEqual(decision.outcome, .conversionCreated)
        XCTAssertEqual(decision.createdConversion?.method, "metadata")
    }
}
