import Foundation
@testable import StripeSimulator
import XCTest

final class RevocationTests: SimulatorTestCase {
    override func setUpWithError() throws {
        try startSimulator()
    }

    private func revoke(_ account: String) throws -> TestHTTPClient.Response {
        try http.send("POST", url("/_sim/accounts/\(account)/revoke"))
    }

    func testRevocationDeliversDeauthorizedEventToAccountEndpoint() throws {
        let (receiver, secret) = try connectWithReceiver()

        let response = try revoke(Self.northwind)
        let delivery = try XCTUnwrap(receiver.received.first)
        let event = try delivery.event()

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try response.jsonObject().int(at: "revokedGrants"), 1)
        XCTAssertNoThrow(try delivery.verify(secret: secret))
        XCTAssertEqual(event.string(at: "type"), "account.application.deauthorized")
        XCTAssertEqual(event.string(at: "account"), Self.northwind)
        XCTAssertEqual(event.string(at: "data.object.object"), "application")
        XCTAssertEqual(event.string(at: "data.object.id"), Self.clientID)
    }

    func testRevocationInvalidatesAccessToken() throws {
        let token = try connect()
        _ = try revoke(Self.northwind)

        let response = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)"])

        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(try response.jsonObject().string(at: "error.code"), "api_key_expired")
    }

    func testRevokedAccountIsShownDisconnected() throws {
        try connect()
        _ = try revoke(Self.northwind)

        let accounts = try get("/_sim/accounts").jsonObject()["data"] as? [[String: Any]] ?? []
        XCTAssertEqual(accounts.first?["connected"] as? Bool, false)
    }

    func testPlatformConnectEndpointAlsoReceivesDeauthorization() throws {
        try connect()
        let platform = try makeReceiver()
        let response = try postForm("/v1/webhook_endpoints", [
            ("url", platform.url("platform")), ("enabled_events[]", "account.application.deauthorized"),
            ("connect", "true"),
        ], headers: platformHeaders())

        _ = try revoke(Self.northwind)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(platform.received.count, 1)
        XCTAssertEqual(try platform.received.first?.event().string(at: "account"), Self.northwind)
    }

    func testRevokingUnconnectedAccountIs409() throws {
        let response = try revoke(Self.harbor)

        XCTAssertEqual(response.status, 409)
        XCTAssertEqual(try response.jsonObject().string(at: "error.code"), "account_not_connected")
    }

    func testRevokingUnknownAccountIs404() throws {
        XCTAssertEqual(try revoke("acct_unknown").status, 404)
    }

    func testReconnectAfterRevocationWorks() throws {
        try connect()
        _ = try revoke(Self.northwind)
        let token = try connect()

        let response = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)"])
        XCTAssertEqual(response.status, 200)
    }
}
