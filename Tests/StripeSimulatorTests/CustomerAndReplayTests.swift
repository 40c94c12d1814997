import Foundation
@testable import StripeSimulator
import XCTest

/// `GET /v1/customers/{id}` and `POST /_sim/replay`.
final class CustomerAndReplayTests: SimulatorTestCase {
    private var receiver: WebhookReceiver!

    override func setUpWithError() throws {
        try startSimulator()
        (receiver, _) = try connectWithReceiver()
    }

    private func customerID() throws -> String {
        let result = try trigger(["scenario": "checkout-payment", "cid": "cid_abc", "cidPlacement": ["customer_metadata"]])
        return try XCTUnwrap(result.string(at: "objects.customer"))
    }

    private func fixture(events: [[String: Any]], clicks: [String: String] = [:]) -> [String: Any] {
        [
            "name": "replay-probe", "description": "probe", "rules": ["refunds"],
            "program": ["commissionType": "recurring", "commissionPercent": 20, "currency": "USD"],
            "account": "acct_1Fixture", "clicks": clicks,
            "steps": events.map { ["event": $0, "outcome": "ignored"] },
            "expected": [
                "conversions": [], "unattributedPayments": 0, "revenue": [:], "commission": [:],
                "connectionStatus": "connected", "feed": [],
            ],
        ]
    }

    private func chargeEvent(id: String, created: Int) -> [String: Any] {
        [
            "id": id, "object": "event", "type": "charge.succeeded", "created": created, "account": "acct_1Fixture",
            "data": ["object": [
                "id": "ch_3Probe", "object": "charge", "amount": 500, "currency": "usd", "created": created - 1,
                "metadata": ["agentref_cid": "{{click:jane}}"], "payment_intent": "pi_3Probe",
                "refunds": ["object": "list", "data": [], "url": "/v1/charges/ch_3Probe/refunds"],
            ]],
        ]
    }

    func testCustomerOfConnectedAccountIsReturned() throws {
        let id = try customerID()

        let response = try get("/v1/customers/\(id)", headers: platformHeaders(account: Self.northwind))

        XCTAssertEqual(response.status, 200)
        let customer = try response.jsonObject()
        XCTAssertEqual(customer.string(at: "object"), "customer")
        XCTAssertEqual(customer.string(at: "metadata.agentref_cid"), "cid_abc")
    }

    func testUnknownCustomerIsResourceMissing() throws {
        let response = try get("/v1/customers/cus_missing", headers: platformHeaders(account: Self.northwind))

        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(try response.jsonObject().string(at: "error.code"), "resource_missing")
    }

    func testCustomerOfAnotherAccountIsResourceMissing() throws {
        let id = try customerID()

        let response = try get("/v1/customers/\(id)", headers: platformHeaders())

        XCTAssertEqual(response.status, 404)
    }

    func testReplayRewritesIdsTimesAccountAndClicks() throws {
        let fixture = fixture(events: [chargeEvent(id: "evt_1Probe", created: 1_741_616_525)], clicks: ["jane": "jane20"])

        let response = try postJSON("/_sim/replay", ["fixture": fixture, "clicks": ["jane": "cid_live"]])

        XCTAssertEqual(response.status, 200, response.text)
        let event = try receiver.received.first.map { try $0.event() } ?? [:]
        let newID = try XCTUnwrap(event["id"] as? String)
        XCTAssertTrue(newID.hasPrefix("evt_1Probe"), newID)
        XCTAssertNotEqual(newID, "evt_1Probe")
        XCTAssertEqual(event.string(at: "account"), Self.northwind)
        XCTAssertEqual(event.string(at: "data.object.metadata.agentref_cid"), "cid_live")
        XCTAssertEqual(event.string(at: "data.object.refunds.url"), "/v1/charges/\(event.string(at: "data.object.id") ?? "")/refunds")
        let created = try XCTUnwrap(event.int(at: "created"))
        XCTAssertLessThan(abs(created - Int(Date().timeIntervalSince1970)), 60)
        XCTAssertEqual(event.int(at: "data.object.created"), created - 1)
        XCTAssertEqual(try response.jsonObject().string(at: "ids.evt_1Probe"), newID)
    }

    func testRedeliveredStepSendsSameEventAgain() throws {
        var body = fixture(events: [chargeEvent(id: "evt_1Twice", created: 1_741_616_525)], clicks: ["jane": "jane20"])
        body["steps"] = (body["steps"] as? [[String: Any]] ?? []) + [["redeliver": "evt_1Twice"]]

        let response = try postJSON("/_sim/replay", ["fixture": body, "clicks": ["jane": "cid_live"]])

        XCTAssertEqual(response.status, 200, response.text)
        let ids = try receiver.received.map { try $0.event()["id"] as? String }
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(ids.first, ids.last)
    }

    func testReplayNeedsEveryClick() throws {
        let fixture = fixture(events: [chargeEvent(id: "evt_1Probe", created: 1_741_616_525)], clicks: ["jane": "jane20"])

        let response = try postJSON("/_sim/replay", ["fixture": fixture])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try response.jsonObject().string(at: "error.param"), "clicks")
        XCTAssertTrue(receiver.received.isEmpty)
    }

    func testInvalidFixtureNamesTheField() throws {
        var fixture = fixture(events: [])
        fixture["steps"] = [["event": ["id": "evt_1"], "outcome": "ignored"]]

        let response = try postJSON("/_sim/replay", ["fixture": fixture])

        XCTAssertEqual(response.status, 400)
        let message = try response.jsonObject().string(at: "error.message") ?? ""
        XCTAssertTrue(message.contains("steps[0].event"), message)
    }
}
