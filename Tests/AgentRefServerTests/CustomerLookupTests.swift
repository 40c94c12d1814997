import AgentRefDomain
import Foundation
import XCTest

/// The server reads `agentref_cid` from the customer's metadata through the Stripe API when
/// an event carries no click id, because webhook events never include the customer.
final class CustomerLookupTests: ServerTestCase {
    private func directCharge(customer: String, cid: String? = nil) -> [String: Any] {
        StripeEvents.envelope(
            "charge.succeeded",
            object: StripeEvents.charge(id: "ch_lookup", amount: 3000, paymentIntent: "pi_lookup", customer: customer, cid: cid),
            account: "acct_1Test"
        )
    }

    private var customerReads: [String] {
        stub.calls.filter { $0.hasPrefix("GET /v1/customers/") }
    }

    func testCustomerMetadataCreditsDirectCharge() throws {
        let (programId, cid) = try makeConnectedProgram()
        stub.addCustomer(
            StripeEvents.customer(id: "cus_lookup", metadata: ["agentref_cid": cid]), account: "acct_1Test"
        )

        try deliver(directCharge(customer: "cus_lookup"), to: programId)

        let conversion = try conversions(programId: programId).first ?? .null
        XCTAssertEqual(conversion["commission"]?.int64Value, 600)
        XCTAssertEqual(conversion["method"]?.stringValue, "metadata")
        XCTAssertEqual(customerReads, ["GET /v1/customers/cus_lookup acct_1Test"])
    }

    func testEventWithClickIdReadsNoCustomer() throws {
        let (programId, cid) = try makeConnectedProgram()

        try deliver(directCharge(customer: "cus_lookup", cid: cid), to: programId)

        XCTAssertEqual(try conversions(programId: programId).count, 1)
        XCTAssertEqual(customerReads, [])
    }

    func testFailedCustomerReadLeavesPaymentUnattributed() throws {
        let (programId, _) = try makeConnectedProgram()
        stub.isFailing = true

        let response = try deliver(directCharge(customer: "cus_lookup"), to: programId)
        stub.isFailing = false

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(customerReads.count, 1)
        XCTAssertEqual(try stripeDetail(programId: programId)["unattributedPayments"]?.int64Value, 1)
    }
}
