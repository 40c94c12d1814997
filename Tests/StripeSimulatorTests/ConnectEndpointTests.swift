import Foundation
@testable import StripeSimulator
import XCTest

/// Platform Connect endpoints, `GET /v1/account`, and the switch that refuses webhook
/// endpoint writes to `read_only` grants.
final class ConnectEndpointTests: SimulatorTestCase {
    private let endpointURL = "http://127.0.0.1:9/webhooks/stripe/prg_1"

    override func setUpWithError() throws {
        var configuration = Self.testConfiguration()
        configuration.restrictReadOnlyGrants = true
        try startSimulator(configuration)
    }

    private func standardItems() -> [(name: String, value: String)] {
        [("url", endpointURL)] + Self.subscribedEvents.map { ("enabled_events[]", $0) }
    }

    /// Creates a `connect=true` endpoint on the platform for a new receiver.
    private func makeConnectReceiver(events: [String]) throws
        -> (receiver: WebhookReceiver, id: String, secret: String)
    {
        let receiver = try makeReceiver()
        let items = [("url", receiver.url("connect")), ("connect", "true")] + events.map { ("enabled_events[]", $0) }
        let response = try postForm("/v1/webhook_endpoints", items, headers: platformHeaders())
        let object = try response.jsonObject()
        guard response.status == 200, let id = object["id"] as? String, let secret = object["secret"] as? String else {
            throw TestFailure("connect endpoint create returned \(response.status): \(response.text)")
        }
        return (receiver, id, secret)
    }

    private func assertMissingPermission(
        _ response: TestHTTPClient.Response, account: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let body = try response.jsonObject()
        XCTAssertEqual(response.status, 403, response.text, file: file, line: line)
        XCTAssertEqual(body.string(at: "error.type"), "invalid_request_error", file: file, line: line)
        XCTAssertEqual(
            body.string(at: "error.code"), "more_permissions_required_for_application", file: file, line: line
        )
        XCTAssertTrue(
            body.string(at: "error.message")?.contains("does not have the required permissions for this endpoint on "
                + "account '\(account)'") ?? false,
            response.text, file: file, line: line
        )
    }

    // MARK: - Restricted read_only grants

    func testRestrictedGrantCannotCreateThroughStripeAccount() throws {
        try connect(Self.northwind)

        let headers = platformHeaders(account: Self.northwind)
        let response = try postForm("/v1/webhook_endpoints", standardItems(), headers: headers)

        try assertMissingPermission(response, account: Self.northwind)
    }

    func testRestrictedGrantCannotCreateWithAccessToken() throws {
        let token = try connect(Self.harbor)

        let headers = ["Authorization": "Bearer \(token)"]
        let response = try postForm("/v1/webhook_endpoints", standardItems(), headers: headers)

        try assertMissingPermission(response, account: Self.harbor)
    }

    func testRestrictedGrantCannotUpdateOrDelete() throws {
        try connect(Self.northwind)
        let headers = platformHeaders(account: Self.northwind)

        let update = try postForm("/v1/webhook_endpoints/we_any", [("disabled", "true")], headers: headers)
        let delete = try delete("/v1/webhook_endpoints/we_any", headers: headers)

        try assertMissingPermission(update, account: Self.northwind)
        try assertMissingPermission(delete, account: Self.northwind)
    }

    func testRestrictedGrantCanStillList() throws {
        try connect(Self.northwind)

        let response = try get("/v1/webhook_endpoints", headers: platformHeaders(account: Self.northwind))

        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(try response.jsonObject().string(at: "object"), "list")
    }

    func testRestrictionIsReportedByControlAPI() throws {
        let accounts = try get("/_sim/accounts").jsonObject()

        XCTAssertEqual(accounts["readOnlyGrantsRestricted"] as? Bool, true)
        XCTAssertEqual(accounts["platformConnectEndpoints"] as? Int, 0)
    }

    // MARK: - Platform Connect endpoints

    func testPlatformCreatesConnectEndpointWhileGrantsAreRestricted() throws {
        try connect(Self.northwind)
        let (_, id, secret) = try makeConnectReceiver(events: Self.subscribedEvents)

        let listed = try get("/v1/webhook_endpoints", headers: platformHeaders()).jsonObject()
        let ids = (listed["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        let accounts = try get("/_sim/accounts").jsonObject()

        XCTAssertTrue(secret.hasPrefix("whsec_"))
        XCTAssertEqual(ids, [id])
        XCTAssertEqual(accounts["platformConnectEndpoints"] as? Int, 1)
    }

    func testConnectEndpointReceivesEveryConnectedAccountsEvents() throws {
        try connect(Self.northwind)
        try connect(Self.harbor)
        let (receiver, _, secret) = try makeConnectReceiver(events: Self.subscribedEvents)

        _ = try trigger(["scenario": "direct-charge", "account": Self.northwind])
        _ = try trigger(["scenario": "direct-charge", "account": Self.harbor])
        let received = receiver.received

        XCTAssertEqual(received.count, 2)
        XCTAssertEqual(try received.map { try $0.event().string(at: "account") }, [Self.northwind, Self.harbor])
        XCTAssertNoThrow(try received.first?.verify(secret: secret))
        XCTAssertNoThrow(try received.last?.verify(secret: secret))
    }

    func testConnectEndpointSkipsAccountsWithoutGrant() throws {
        try connect(Self.northwind)
        let (receiver, _, _) = try makeConnectReceiver(events: Self.subscribedEvents)
        let lantern = SimulatedAccount.merchants[2].id

        let response = try trigger(["scenario": "direct-charge", "account": lantern])

        XCTAssertEqual((response["events"] as? [[String: Any]])?.first?["delivered"] as? Bool, false)
        XCTAssertTrue(receiver.received.isEmpty)
    }

    func testAccountAndConnectEndpointBothReceiveOneEvent() throws {
        var configuration = Self.testConfiguration()
        configuration.restrictReadOnlyGrants = false
        try restartSimulator(configuration)
        let (accountReceiver, _) = try connectWithReceiver(Self.northwind)
        let (connectReceiver, _, _) = try makeConnectReceiver(events: Self.subscribedEvents)

        let response = try trigger(["scenario": "direct-charge", "account": Self.northwind])
        let event = try XCTUnwrap((response["events"] as? [[String: Any]])?.first)

        XCTAssertEqual((event["deliveries"] as? [[String: Any]])?.count, 2)
        XCTAssertEqual(try accountReceiver.received.first?.event().string(at: "id"), event["id"] as? String)
        XCTAssertEqual(try connectReceiver.received.first?.event().string(at: "id"), event["id"] as? String)
    }

    func testReplayReachesConnectEndpointWhateverItSubscribed() throws {
        try connect(Self.northwind)
        let (receiver, _, _) = try makeConnectReceiver(events: ["invoice.paid"])
        let event: [String: Any] = [
            "id": "evt_1Probe", "object": "event", "type": "customer.updated", "created": 1_741_616_525,
            "account": "acct_1Fixture", "data": ["object": ["id": "cus_Probe", "object": "customer", "metadata": [:]]],
        ]
        let fixture: [String: Any] = [
            "name": "connect-probe", "description": "probe", "rules": ["refunds"],
            "program": ["commissionType": "recurring", "commissionPercent": 20, "currency": "USD"],
            "account": "acct_1Fixture", "clicks": [:], "steps": [["event": event, "outcome": "ignored"]],
            "expected": [
                "conversions": [], "unattributedPayments": 0, "revenue": [:], "commission": [:],
                "connectionStatus": "connected", "feed": [],
            ],
        ]

        let response = try postJSON("/_sim/replay", ["fixture": fixture, "account": Self.northwind, "clicks": [:]])

        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(try receiver.received.first?.event().string(at: "type"), "customer.updated")
        XCTAssertEqual(try receiver.received.first?.event().string(at: "account"), Self.northwind)
    }

    // MARK: - GET /v1/account

    func testAccountRouteReturnsConnectedAccount() throws {
        try connect(Self.harbor)

        let response = try get("/v1/account", headers: platformHeaders(account: Self.harbor))
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(body.string(at: "id"), Self.harbor)
        XCTAssertEqual(body.string(at: "object"), "account")
        XCTAssertEqual(body.string(at: "default_currency"), "eur")
    }

    func testAccountRouteRejectsRevokedAccess() throws {
        try connect(Self.harbor)
        _ = try http.send("POST", url("/_sim/accounts/\(Self.harbor)/revoke"))

        let response = try get("/v1/account", headers: platformHeaders(account: Self.harbor))

        XCTAssertEqual(response.status, 403)
        XCTAssertEqual(try response.jsonObject().string(at: "error.code"), "account_invalid")
    }
}
