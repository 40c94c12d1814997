import AgentRefDomain
import Foundation
import XCTest

final class ImplausiblePaymentTests: ServerTestCase {
    private typealias Events = StripeEvents

    private func checkout(amount: Int64, currency: String) -> [String: Any] {
        Events.envelope(
            "checkout.session.completed",
            object: Events.checkoutSession(
                id: "cs_test_odd", cid: nil, amount: amount, currency: currency, paymentIntent: "pi_odd", customer: "cus_odd"
            ),
            account: "acct_1Test"
        )
    }

    private func lastEventDetail(_ programId: String) throws -> String {
        try get("/api/v1/programs/\(programId)/stripe/events").json["data"]?.arrayValue?.first?["detail"]?.stringValue ?? ""
    }

    func testUnknownCurrencyCreatesNoConversion() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        var event = checkout(amount: 5300, currency: "zzz")
        var session = event["data"] as! [String: Any]
        var object = session["object"] as! [String: Any]
        object["client_reference_id"] = cid
        session["object"] = object
        event["data"] = session

        let response = try deliver(event, to: programId)

        XCTAssertEqual(response.status, 200)
        let detail = try lastEventDetail(programId)
        XCTAssertEqual(try conversions(programId: programId).count, 0)
        XCTAssertTrue(detail.contains("ZZZ is not an ISO 4217"), detail)
    }

    func testAmountAboveStripeMaximumCreatesNoConversion() throws {
        let (programId, cid) = try makeConnectedProgram(percent: 20)
        var event = checkout(amount: 1 << 40, currency: "usd")
        var session = event["data"] as! [String: Any]
        var object = session["object"] as! [String: Any]
        object["client_reference_id"] = cid
        session["object"] = object
        event["data"] = session

        _ = try deliver(event, to: programId)

        let detail = try lastEventDetail(programId)
        XCTAssertEqual(try conversions(programId: programId).count, 0)
        XCTAssertTrue(detail.contains("above Stripe's maximum"), detail)
    }

    func testProgramWithUnknownCurrencyIsRejected() throws {
        let response = try post("/api/v1/programs", ["name": "Odd", "commissionType": "one_time", "commissionPercent": 10, "currency": "XYZ"])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertTrue(response.errorMessage.contains("\"XYZ\""), response.errorMessage)
    }
}
