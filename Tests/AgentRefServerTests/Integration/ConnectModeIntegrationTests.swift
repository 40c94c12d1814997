import AgentRefDomain
import Foundation
import ServiceKit
import StripeSimulator
import XCTest

@testable import AgentRefServer

/// The platform Connect endpoint fallback against the real Stripe simulator: webhook modes,
/// one shared endpoint, routing by account, signature checks on `/webhooks/stripe/connect`,
/// disconnects and access checks.
final class ConnectModeIntegrationTests: XCTestCase {
    private static let northwind = SimulatedAccount.merchants[0].id
    private static let harbor = SimulatedAccount.merchants[1].id
    private static let lantern = SimulatedAccount.merchants[2].id
    private static let webhookSecret = "whsec_connect_mode_tests_0001"

    private var stack: SimulatorStack!

    override func tearDownWithError() throws {
        // XCTest keeps every test case object until the run ends, so release the stack's
        // sockets here.
        stack?.stop()
        stack = nil
    }

    private func startStack(mode: StripeWebhookMode, restricted: Bool) throws {
        stack = try SimulatorStack(
            persistsSimulator: false, webhookMode: mode, restrictReadOnlyGrants: restricted,
            webhookSecret: Self.webhookSecret
        )
    }

    // MARK: - Modes

    func testAutoModeFallsBackToConnect() throws {
        try startStack(mode: .auto, restricted: true)
        let (program, cid) = try makeProgramWithClick(name: "Fallback")

        let account = try stack.connectThroughAuthorizeForm(program)
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        let platform = try connectEndpoints()
        let purchase = try simulatorControl([
            "scenario": "checkout-subscription", "account": account, "cid": cid, "amount": 4900,
        ])
        let conversions = try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue ?? []

        XCTAssertEqual(detail?["webhookMode"]?.stringValue, "connect")
        XCTAssertEqual(detail?["webhookUrl"]?.stringValue, stack.serverURL.absoluteString + "/webhooks/stripe/connect")
        XCTAssertEqual(platform.count, 1)
        XCTAssertEqual(detail?["webhookEndpointId"]?.stringValue, platform.first?["id"]?.stringValue)
        XCTAssertEqual(try stack.endpoints(account: account).count, 0)
        XCTAssertTrue(allDelivered(purchase), "\(purchase)")
        XCTAssertEqual(conversions.count, 1)
        XCTAssertEqual(conversions.first?["amount"]?.int64Value, 4900)
        XCTAssertEqual(conversions.first?["commission"]?.int64Value, 980)
    }

    func testAutoModeKeepsAccountEndpointWhenPermitted() throws {
        try startStack(mode: .auto, restricted: false)
        let (program, _) = try makeProgramWithClick(name: "Permitted")

        let account = try stack.connectThroughAuthorizeForm(program)
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]

        XCTAssertEqual(detail?["webhookMode"]?.stringValue, "account")
        XCTAssertEqual(try stack.endpoints(account: account).count, 1)
        XCTAssertEqual(try connectEndpoints().count, 0)
    }

    func testAccountModeFailsWhenRestricted() throws {
        try startStack(mode: .account, restricted: true)
        let (program, _) = try makeProgramWithClick(name: "Account only")

        let callback = try stack.authorize(program)
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        let message = detail?["errorMessage"]?.stringValue ?? ""

        XCTAssertEqual(callback.status, 502, String(decoding: callback.body, as: UTF8.self))
        XCTAssertEqual(detail?["status"]?.stringValue, "error")
        XCTAssertTrue(message.contains("does not have the required permissions for this endpoint"), message)
        XCTAssertTrue(message.contains("--stripe-webhook-mode auto or connect"), message)
        XCTAssertEqual(try connectEndpoints().count, 0)
    }

    func testForcedConnectModeWorksUnrestricted() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, cid) = try makeProgramWithClick(name: "Forced")

        let account = try stack.connectThroughAuthorizeForm(program)
        let purchase = try simulatorControl(["scenario": "checkout-payment", "account": account, "cid": cid])

        let mode = try api("GET", "/programs/\(program)/stripe").value(at: "data.webhookMode")?.stringValue
        XCTAssertEqual(mode, "connect")
        XCTAssertEqual(try stack.endpoints(account: account).count, 0)
        XCTAssertEqual(try connectEndpoints().count, 1)
        XCTAssertTrue(allDelivered(purchase), "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 1)
    }

    // MARK: - Sharing and routing

    func testTwoAccountsShareOneEndpoint() throws {
        try startStack(mode: .auto, restricted: true)
        let (first, firstClick) = try makeProgramWithClick(name: "Northwind")
        let (second, secondClick) = try makeProgramWithClick(name: "Harbor")
        _ = try stack.connectThroughAuthorizeForm(first, account: Self.northwind)
        _ = try stack.connectThroughAuthorizeForm(second, account: Self.harbor)

        _ = try simulatorControl([
            "scenario": "checkout-payment", "account": Self.northwind, "cid": firstClick, "amount": 1000,
        ])
        _ = try simulatorControl([
            "scenario": "checkout-payment", "account": Self.harbor, "cid": secondClick, "amount": 2000,
        ])
        let firstDetail = try api("GET", "/programs/\(first)/stripe")["data"]
        let secondDetail = try api("GET", "/programs/\(second)/stripe")["data"]
        let firstConversions = try api("GET", "/conversions?programId=\(first)")["data"]?.arrayValue ?? []
        let secondConversions = try api("GET", "/conversions?programId=\(second)")["data"]?.arrayValue ?? []
        let report = try api("GET", "/stripe/platform-endpoint")["data"]

        XCTAssertEqual(try connectEndpoints().count, 1)
        XCTAssertEqual(firstDetail?["webhookEndpointId"]?.stringValue, secondDetail?["webhookEndpointId"]?.stringValue)
        XCTAssertEqual(firstConversions.map { $0["amount"]?.int64Value }, [1000])
        XCTAssertEqual(secondConversions.map { $0["amount"]?.int64Value }, [2000])
        XCTAssertEqual(Set(try eventAccounts(first)), [Self.northwind])
        XCTAssertEqual(Set(try eventAccounts(second)), [Self.harbor])
        XCTAssertEqual(report?["programIds"]?.arrayValue?.compactMap(\.stringValue), [first, second].sorted())
        XCTAssertEqual(report?["ignoredEvents"]?.int64Value, 0)
    }

    func testUnheldAccountEventIsIgnored() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, _) = try makeProgramWithClick(name: "Only Northwind")
        _ = try stack.connectThroughAuthorizeForm(program, account: Self.northwind)
        let charge = StripeEvents.charge(id: "ch_other", amount: 700, paymentIntent: "pi_other", customer: "cus_other")
        let foreign = try eventBody("charge.succeeded", object: charge, id: "evt_1Foreign", account: Self.lantern)
        let platformOwn = try eventBody("charge.succeeded", object: charge, id: "evt_1PlatformOwn", account: nil)

        let first = try deliverSigned(foreign)
        let repeated = try deliverSigned(foreign)
        let own = try deliverSigned(platformOwn)
        let report = try api("GET", "/stripe/platform-endpoint")["data"]
        let ignored = report?["recentIgnoredEvents"]?.arrayValue ?? []

        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(String(decoding: first.body, as: UTF8.self), #"{"received":true}"#)
        XCTAssertEqual(String(decoding: repeated.body, as: UTF8.self), #"{"duplicate":true,"received":true}"#)
        XCTAssertEqual(own.status, 200)
        XCTAssertEqual(report?["ignoredEvents"]?.int64Value, 2)
        XCTAssertEqual(ignored.compactMap { $0["eventId"]?.stringValue }, ["evt_1PlatformOwn", "evt_1Foreign"])
        XCTAssertEqual(ignored.last?["account"]?.stringValue, Self.lantern)
        XCTAssertTrue(
            ignored.last?["detail"]?.stringValue?.contains("no program is connected to Stripe account \(Self.lantern)")
                ?? false,
            "\(ignored)"
        )
        XCTAssertTrue(ignored.first?["detail"]?.stringValue?.contains("platform's own account") ?? false, "\(ignored)")
        XCTAssertEqual(try eventAccounts(program), [])
    }

    // MARK: - Signatures

    func testBadSignaturesRejectedBeforeParsing() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, _) = try makeProgramWithClick(name: "Signed")
        let account = try stack.connectThroughAuthorizeForm(program)
        let charge = StripeEvents.charge(id: "ch_sig", amount: 500, paymentIntent: "pi_sig", customer: "cus_sig")
        let event = try eventBody("charge.succeeded", object: charge, id: "evt_1Signed", account: account)
        let notJSON = Data("this is not a Stripe event".utf8)
        let now = Int64(Date().timeIntervalSince1970)

        let tampered = try stack.postWebhook(
            "/webhooks/stripe/connect", body: event + Data(" ".utf8), signature: sign(event, at: now)
        )
        let stale = try stack.postWebhook(
            "/webhooks/stripe/connect", body: event, signature: sign(event, at: now - 400)
        )
        let unsignedGarbage = try stack.postWebhook("/webhooks/stripe/connect", body: notJSON, signature: nil)
        let wronglySignedGarbage = try stack.postWebhook(
            "/webhooks/stripe/connect", body: notJSON, signature: sign(event, at: now)
        )
        let signedGarbage = try stack.postWebhook(
            "/webhooks/stripe/connect", body: notJSON, signature: sign(notJSON, at: now)
        )
        let report = try api("GET", "/stripe/platform-endpoint")["data"]
        let events = try api("GET", "/programs/\(program)/stripe/events")

        XCTAssertEqual(reason(tampered), "mismatch")
        XCTAssertEqual(reason(stale), "stale")
        XCTAssertEqual(reason(unsignedGarbage), "missing")
        XCTAssertEqual(reason(wronglySignedGarbage), "mismatch")
        XCTAssertEqual(signedGarbage.status, 400)
        XCTAssertNil(reason(signedGarbage))
        XCTAssertEqual(report?["rejectedSignatures"]?["mismatch"]?.int64Value, 2)
        XCTAssertEqual(report?["rejectedSignatures"]?["stale"]?.int64Value, 1)
        XCTAssertEqual(report?["rejectedSignatures"]?["missing"]?.int64Value, 1)
        XCTAssertNotNil(report?["lastRejectedSignatureAt"]?.stringValue)
        XCTAssertEqual(events.value(at: "meta.rejectedSignatures.mismatch")?.int64Value, 2)
        XCTAssertEqual(events["data"]?.arrayValue?.count, 0)
    }

    // MARK: - Connect, disconnect, reconnect

    func testReconnectCyclesReuseOneEndpoint() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, cid) = try makeProgramWithClick(name: "Cycles")
        var endpointIds: [String?] = []
        for cycle in 0..<3 {
            _ = try stack.connectThroughAuthorizeForm(program)
            endpointIds += try connectEndpoints().map { $0["id"]?.stringValue }
            _ = try api("DELETE", "/programs/\(program)/connect-stripe")
            if cycle == 1 { try stack.restartServer() }
        }

        let account = try stack.connectThroughAuthorizeForm(program)
        let remaining = try connectEndpoints()
        let purchase = try simulatorControl(["scenario": "checkout-payment", "account": account, "cid": cid])

        XCTAssertEqual(endpointIds.count, 3)
        XCTAssertEqual(Set(endpointIds).count, 1)
        XCTAssertEqual(remaining.map { $0["id"]?.stringValue }, [endpointIds.first ?? nil])
        XCTAssertTrue(allDelivered(purchase), "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 1)
    }

    func testDisconnectKeepsSharedEndpoint() throws {
        try startStack(mode: .connect, restricted: false)
        let (first, _) = try makeProgramWithClick(name: "Leaving")
        let (second, secondClick) = try makeProgramWithClick(name: "Staying")
        _ = try stack.connectThroughAuthorizeForm(first, account: Self.northwind)
        _ = try stack.connectThroughAuthorizeForm(second, account: Self.harbor)
        let endpoint = try connectEndpoints().first?["id"]?.stringValue

        _ = try api("DELETE", "/programs/\(first)/connect-stripe")
        let firstDetail = try api("GET", "/programs/\(first)/stripe")["data"]
        let afterFirst = try connectEndpoints().map { $0["id"]?.stringValue }
        let purchase = try simulatorControl([
            "scenario": "checkout-payment", "account": Self.harbor, "cid": secondClick,
        ])
        _ = try api("DELETE", "/programs/\(second)/connect-stripe")
        let afterBoth = try connectEndpoints().map { $0["id"]?.stringValue }

        XCTAssertNotNil(endpoint)
        XCTAssertEqual(firstDetail?["status"]?.stringValue, "disconnected")
        XCTAssertEqual(firstDetail?["cleanupPending"]?.boolValue, false)
        XCTAssertNil(firstDetail?["cleanupMessage"]?.stringValue)
        XCTAssertEqual(try isConnectedOnSimulator(Self.northwind), false)
        XCTAssertEqual(afterFirst, [endpoint])
        XCTAssertTrue(allDelivered(purchase), "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(second)")["data"]?.arrayValue?.count, 1)
        XCTAssertEqual(afterBoth, [endpoint])
    }

    // MARK: - Access

    func testRevocationArrivesThroughConnectRoute() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, _) = try makeProgramWithClick(name: "Revoked")
        let account = try stack.connectThroughAuthorizeForm(program)

        _ = try stack.simulatorControl("/_sim/accounts/\(account)/revoke", [:])
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        let outcomes = try api("GET", "/programs/\(program)/stripe/events")["data"]?.arrayValue?
            .compactMap { $0["outcome"]?.stringValue }

        XCTAssertEqual(detail?["status"]?.stringValue, "revoked")
        XCTAssertEqual(outcomes, ["revoked"])
    }

    func testAccessCheckFindsSilentDeauthorization() throws {
        try startStack(mode: .connect, restricted: false)
        let (program, _) = try makeProgramWithClick(name: "Silent")
        let account = try stack.connectThroughAuthorizeForm(program)
        let deauthorize = try stack.deauthorizeBehindServer(account)

        stack.server.checkStripeAccessNow()
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]

        XCTAssertEqual(deauthorize.status, 200)
        XCTAssertEqual(detail?["status"]?.stringValue, "revoked")
        XCTAssertTrue(detail?["errorMessage"]?.stringValue?.contains("account_invalid") ?? false, "\(detail ?? .null)")
    }

    func testDeletedPlatformEndpointMovesProgramsToError() throws {
        try startStack(mode: .connect, restricted: false)
        let (first, _) = try makeProgramWithClick(name: "First")
        let (second, _) = try makeProgramWithClick(name: "Second")
        _ = try stack.connectThroughAuthorizeForm(first, account: Self.northwind)
        _ = try stack.connectThroughAuthorizeForm(second, account: Self.harbor)
        let endpoint = try XCTUnwrap(try connectEndpoints().first?["id"]?.stringValue)
        let deleted = try stack.http.send(
            method: "DELETE", url: stack.simulatorURL.appendingPathComponent("v1/webhook_endpoints/\(endpoint)"),
            headers: ["Authorization": "Bearer sk_test_inspector"]
        )

        stack.server.checkStripeAccessNow()
        let details = try [first, second].map { try api("GET", "/programs/\($0)/stripe")["data"] }
        _ = try api("DELETE", "/programs/\(first)/connect-stripe")
        _ = try stack.connectThroughAuthorizeForm(first, account: Self.northwind)
        let replacement = try connectEndpoints().compactMap { $0["id"]?.stringValue }

        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(details.map { $0?["status"]?.stringValue }, ["error", "error"])
        XCTAssertTrue(details.first??["errorMessage"]?.stringValue?.contains("was deleted on Stripe") ?? false)
        XCTAssertEqual(replacement.count, 1)
        XCTAssertNotEqual(replacement.first, endpoint)
    }

    // MARK: - Helpers

    private func makeProgramWithClick(name: String) throws -> (program: String, cid: String) {
        try stack.makeProgramWithClick(name: name)
    }

    /// Lists the platform's endpoints at the server's Connect URL.
    private func connectEndpoints() throws -> [JSONValue] {
        let url = stack.serverURL.absoluteString + "/webhooks/stripe/connect"
        return try stack.platformEndpoints().filter { $0["url"]?.stringValue == url }
    }

    /// Accounts of the events stored for `program`.
    private func eventAccounts(_ program: String) throws -> [String] {
        try api("GET", "/programs/\(program)/stripe/events?limit=100")["data"]?.arrayValue?
            .compactMap { $0["account"]?.stringValue } ?? []
    }

    private func eventBody(_ type: String, object: [String: Any], id: String, account: String?) throws -> Data {
        let envelope = StripeEvents.envelope(type, object: object, id: id, account: account)
        return try JSONSerialization.data(withJSONObject: envelope)
    }

    /// Posts `body` to `/webhooks/stripe/connect` signed now with the platform endpoint's secret.
    private func deliverSigned(_ body: Data) throws -> OutboundHTTPClient.Response {
        try stack.postWebhook(
            "/webhooks/stripe/connect", body: body, signature: sign(body, at: Int64(Date().timeIntervalSince1970))
        )
    }

    private func isConnectedOnSimulator(_ account: String) throws -> Bool? {
        let response = try stack.http.send(
            method: "GET", url: stack.simulatorURL.appendingPathComponent("_sim/accounts")
        )
        let accounts = try JSONDecoder().decode(JSONValue.self, from: response.body)["data"]?.arrayValue ?? []
        return accounts.first { $0["id"]?.stringValue == account }?["connected"]?.boolValue
    }

    private func sign(_ body: Data, at timestamp: Int64) -> String {
        StripeSignature.header(payload: body, secret: Self.webhookSecret, timestamp: timestamp)
    }

    private func reason(_ response: OutboundHTTPClient.Response) -> String? {
        let json = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        XCTAssertEqual(response.status, 400, String(decoding: response.body, as: UTF8.self))
        return json?.value(at: "error.details.reason")?.stringValue
    }

    private func allDelivered(_ report: JSONValue) -> Bool {
        let events = report["events"]?.arrayValue ?? []
        return !events.isEmpty && events.allSatisfy { $0["delivered"]?.boolValue == true }
    }

    private func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> JSONValue {
        try stack.api(method, path, body)
    }

    private func simulatorControl(_ body: [String: Any]) throws -> JSONValue {
        try stack.simulatorControl("/_sim/trigger", body)
    }
}
