import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit
import StripeSimulator
import XCTest

@testable import AgentRefServer

/// The server against the real Stripe simulator, with no stub in between: the OAuth form,
/// webhook endpoint registration, signed deliveries and disconnect cleanup.
final class SimulatorIntegrationTests: XCTestCase {
    private var directory: URL!
    private var simulator: StripeSimulatorApp!
    private var simulatorURL: URL!
    private var server: AgentRefServerApp!
    private var serverURL: URL!
    private let key = APIKey.makeTestKey()
    private var http: OutboundHTTPClient! = OutboundHTTPClient(timeout: 20)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-integration-\(UUID().uuidString)")
        try startSimulator(port: 0)
        try startServer(cleanupRetryDelay: 0.2)
    }

    private func startSimulator(port: UInt16) throws {
        simulator = StripeSimulatorApp(
            configuration: SimulatorConfiguration(
                port: port, dataDirectory: directory.appendingPathComponent("sim"), deliveryRetryBaseSeconds: 0.05,
                maxDeliveryAttempts: 3
            ),
            logger: .silent
        )
        simulatorURL = try simulator.start()
    }

    /// Stops the simulator and starts it again on the same port with the same state file.
    private func restartSimulator() throws {
        let port = UInt16(try XCTUnwrap(simulatorURL.port))
        simulator.stop()
        try startSimulator(port: port)
    }

    private func startServer(cleanupRetryDelay: TimeInterval) throws {
        server?.stop()
        var configuration = ServerConfiguration(
            port: 0, dataDirectory: directory.appendingPathComponent("server"), apiKeys: [key],
            stripeAPIBase: simulatorURL, stripeConnectBase: simulatorURL
        )
        configuration.seedDemoData = false
        server = AgentRefServerApp(
            configuration: configuration, logger: .silent, clock: ServerClock(), cleanupRetryDelay: cleanupRetryDelay
        )
        serverURL = try server.start()
    }

    override func tearDownWithError() throws {
        server?.stop()
        simulator?.stop()
        server = nil
        simulator = nil
        http = nil
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Scenarios

    func testSubscriptionPurchaseBecomesOneConversion() throws {
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)

        let trigger = try simulatorControl("/_sim/trigger", ["scenario": "checkout-subscription", "account": account, "cid": cid, "amount": 4900, "currency": "usd"])
        XCTAssertEqual(trigger["events"]?.arrayValue?.count, 3)
        XCTAssertEqual(trigger["events"]?.arrayValue?.allSatisfy { $0["delivered"]?.boolValue == true }, true, "\(trigger)")

        let conversions = try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue ?? []
        XCTAssertEqual(conversions.count, 1)
        XCTAssertEqual(conversions.first?["amount"]?.int64Value, 4900)
        XCTAssertEqual(conversions.first?["commission"]?.int64Value, 980)
        XCTAssertEqual(conversions.first?["currency"]?.stringValue, "USD")

        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(detail?["unattributedPayments"]?.int64Value, 0)
        XCTAssertEqual(detail?["lastEventType"]?.stringValue, "checkout.session.completed")
    }

    func testPartialRefundsThroughSimulatorReverseProportionally() throws {
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let purchase = try simulatorControl("/_sim/trigger", ["scenario": "checkout-payment", "account": account, "cid": cid, "amount": 10000, "currency": "usd"])
        let charge = try XCTUnwrap(purchase.value(at: "objects.charge")?.stringValue)

        _ = try simulatorControl("/_sim/trigger", ["scenario": "refund", "account": account, "amount": 2500, "target": ["charge": charge]])
        _ = try simulatorControl("/_sim/trigger", ["scenario": "refund", "account": account, "amount": 2500, "target": ["charge": charge]])

        let conversion = try XCTUnwrap(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.first)
        XCTAssertEqual(conversion["commission"]?.int64Value, 1000)
        XCTAssertEqual(conversion["commissionReversed"]?.int64Value, 1000)
        XCTAssertEqual(conversion["amountRefunded"]?.int64Value, 5000)
        XCTAssertEqual(conversion["status"]?.stringValue, "partially_refunded")
    }

    func testPaymentWithoutClickIsCountedUnattributed() throws {
        let (program, _) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)

        _ = try simulatorControl("/_sim/trigger", ["scenario": "checkout-payment", "account": account])

        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 0)
        XCTAssertEqual(try api("GET", "/programs/\(program)/stripe").value(at: "data.unattributedPayments")?.int64Value, 1)
    }

    func testReconnectingThreeTimesLeavesOneEndpoint() throws {
        let (program, cid) = try makeProgramWithClick(percent: 20)
        var account = ""
        var endpointCounts: [Int] = []
        for _ in 0..<3 {
            account = try connectThroughAuthorizeForm(program)
            endpointCounts.append(try endpoints(account: account).count)
            XCTAssertEqual(try api("DELETE", "/programs/\(program)/connect-stripe").value(at: "data.success")?.boolValue, true)
        }
        account = try connectThroughAuthorizeForm(program)

        // Disconnecting deauthorizes the platform, so the account's endpoints can only be
        // listed while connected; any left over from earlier cycles would show.
        let registered = try endpoints(account: account)
        let purchase = try simulatorControl("/_sim/trigger", ["scenario": "checkout-payment", "account": account, "cid": cid])

        XCTAssertEqual(endpointCounts, [1, 1, 1])
        XCTAssertEqual(registered.count, 1)
        XCTAssertEqual(registered.first?["url"]?.stringValue, serverURL.absoluteString + "/webhooks/stripe/\(program)")
        XCTAssertEqual(registered.first?["enabled_events"]?.arrayValue?.count, 5)
        XCTAssertEqual(purchase["events"]?.arrayValue?.allSatisfy { $0["delivered"]?.boolValue == true }, true, "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 1)
    }

    func testReconnectAfterFailedCleanupReusesLeftoverEndpoint() throws {
        try startServer(cleanupRetryDelay: 60)
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let endpoint = try XCTUnwrap(try endpoints(account: account).first?["id"]?.stringValue)
        simulator.stop()

        let disconnect = try api("DELETE", "/programs/\(program)/connect-stripe")
        let pending = try api("GET", "/programs/\(program)/stripe")["data"]
        try restartSimulator()
        _ = try connectThroughAuthorizeForm(program)
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        let registered = try endpoints(account: account).compactMap { $0["id"]?.stringValue }
        let purchase = try simulatorControl("/_sim/trigger", ["scenario": "checkout-payment", "account": account, "cid": cid])

        XCTAssertEqual(disconnect.value(at: "data.success")?.boolValue, true)
        XCTAssertEqual(pending?["status"]?.stringValue, "disconnected")
        XCTAssertEqual(pending?["cleanupPending"]?.boolValue, true)
        XCTAssertTrue(pending?["cleanupMessage"]?.stringValue?.contains("unreachable") ?? false, "\(pending ?? .null)")
        XCTAssertEqual(registered, [endpoint])
        XCTAssertEqual(detail?["webhookEndpointId"]?.stringValue, endpoint)
        XCTAssertEqual(detail?["cleanupPending"]?.boolValue, false)
        XCTAssertEqual(purchase["events"]?.arrayValue?.allSatisfy { $0["delivered"]?.boolValue == true }, true, "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 1)
    }

    func testReconnectReplacesEndpointWhoseSecretIsUnknown() throws {
        try startServer(cleanupRetryDelay: 60)
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let original = try XCTUnwrap(try endpoints(account: account).first?["id"]?.stringValue)
        simulator.stop()
        _ = try api("DELETE", "/programs/\(program)/connect-stripe")
        try restartSimulator()
        let foreign = try replaceEndpoint(original, account: account, url: serverURL.absoluteString + "/webhooks/stripe/\(program)")

        _ = try connectThroughAuthorizeForm(program)
        let registered = try endpoints(account: account).compactMap { $0["id"]?.stringValue }
        let purchase = try simulatorControl("/_sim/trigger", ["scenario": "checkout-payment", "account": account, "cid": cid])

        XCTAssertEqual(registered.count, 1)
        XCTAssertFalse(registered.contains(foreign))
        XCTAssertFalse(registered.contains(original))
        XCTAssertEqual(purchase["events"]?.arrayValue?.allSatisfy { $0["delivered"]?.boolValue == true }, true, "\(purchase)")
        XCTAssertEqual(try api("GET", "/conversions?programId=\(program)")["data"]?.arrayValue?.count, 1)
    }

    func testSilentDeauthorizationIsFoundAndDisconnectFinishes() throws {
        let (program, _) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let deauthorize = try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("oauth/deauthorize"),
            headers: ["Authorization": "Bearer sk_test_merchant_side", "Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode([("client_id", "ca_agentref_local"), ("stripe_user_id", account)]).utf8)
        )

        server.checkStripeAccessNow()
        let revoked = try api("GET", "/programs/\(program)/stripe")["data"]
        _ = try api("DELETE", "/programs/\(program)/connect-stripe")
        let disconnected = try api("GET", "/programs/\(program)/stripe")["data"]

        XCTAssertEqual(deauthorize.status, 200)
        XCTAssertEqual(revoked?["status"]?.stringValue, "revoked")
        XCTAssertTrue(revoked?["errorMessage"]?.stringValue?.contains("account_invalid") ?? false, "\(revoked ?? .null)")
        XCTAssertEqual(disconnected?["status"]?.stringValue, "disconnected")
        XCTAssertEqual(disconnected?["cleanupPending"]?.boolValue, false)
        XCTAssertNil(disconnected?["cleanupMessage"]?.stringValue)
    }

    func testTwoProgramsAuthorizingOneAccountConnectOnlyOne() throws {
        let first = try makeProgramWithClick(percent: 20).program
        let second = try makeProgramWithClick(percent: 10).program
        let links = try [first, second].map { program in
            try XCTUnwrap(api("POST", "/programs/\(program)/connect-stripe", ["method": "oauth_url"]).value(at: "data.authUrl")?.stringValue)
        }

        let statuses = LockedStatuses()
        let http: OutboundHTTPClient = http
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            statuses.append((try? Self.submitAuthorizeForm(links[index], http: http).status) ?? 0)
        }
        let details = try [first, second].map { try api("GET", "/programs/\($0)/stripe")["data"] }
        let connected = details.compactMap { $0?["stripeAccountId"]?.stringValue }

        XCTAssertEqual(statuses.values.sorted(), [200, 409])
        XCTAssertEqual(details.compactMap { $0?["status"]?.stringValue }.sorted(), ["connected", "pending"])
        XCTAssertEqual(try endpoints(account: try XCTUnwrap(connected.first)).count, 1)
    }

    func testRevokedAccountIsReportedAndDisconnectsCleanly() throws {
        let (program, _) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)

        _ = try simulatorControl("/_sim/accounts/\(account)/revoke", [:])
        XCTAssertEqual(try api("GET", "/programs/\(program)/stripe").value(at: "data.status")?.stringValue, "revoked")

        let disconnect = try api("DELETE", "/programs/\(program)/connect-stripe")
        XCTAssertEqual(disconnect.value(at: "data.success")?.boolValue, true)
        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(detail?["status"]?.stringValue, "disconnected")
        XCTAssertNotEqual(detail?["cleanupPending"]?.boolValue, true)
    }

    // MARK: - Helpers

    private func makeProgramWithClick(percent: Double) throws -> (program: String, cid: String) {
        let program = try XCTUnwrap(api("POST", "/programs", ["name": "Integration", "commissionType": "recurring", "commissionPercent": percent]).value(at: "data.id")?.stringValue)
        _ = try api("POST", "/programs/\(program)/affiliates", ["code": "jane20"])
        let cid = try XCTUnwrap(api("POST", "/clicks", ["programId": program, "affiliateCode": "jane20"]).value(at: "data.cid")?.stringValue)
        return (program, cid)
    }

    /// Opens the authUrl, submits the simulator's form unchanged, follows the redirect to the
    /// server's callback, and returns the connected account.
    private func connectThroughAuthorizeForm(_ program: String) throws -> String {
        let authURL = try XCTUnwrap(api("POST", "/programs/\(program)/connect-stripe", ["method": "oauth_url"]).value(at: "data.authUrl")?.stringValue)
        let callback = try Self.submitAuthorizeForm(authURL, http: http)
        XCTAssertEqual(callback.status, 200, String(decoding: callback.body, as: UTF8.self))

        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(detail?["status"]?.stringValue, "connected")
        return try XCTUnwrap(detail?["stripeAccountId"]?.stringValue)
    }

    /// Submits the authorize page's form unchanged; returns the server's callback response.
    private static func submitAuthorizeForm(_ authURL: String, http: OutboundHTTPClient) throws
        -> OutboundHTTPClient.Response
    {
        let page = try http.send(method: "GET", url: URL(string: authURL)!)
        let form = try XCTUnwrap(HTMLForm(page: String(decoding: page.body, as: UTF8.self)))
        XCTAssertEqual(form.method, "post")

        let action = URL(string: form.action, relativeTo: URL(string: authURL)!)!.absoluteURL
        return try http.send(
            method: "POST", url: action, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(form.fields).utf8)
        )
    }

    /// Deletes `endpoint` and creates another with `url` through the platform's key, as a
    /// second installation would; returns the new endpoint's id.
    private func replaceEndpoint(_ endpoint: String, account: String, url: String) throws -> String {
        let headers = ["Authorization": "Bearer sk_test_inspector", "Stripe-Account": account]
        let deleted = try http.send(
            method: "DELETE", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints/\(endpoint)"), headers: headers
        )
        XCTAssertEqual(deleted.status, 200)

        var createHeaders = headers
        createHeaders["Content-Type"] = "application/x-www-form-urlencoded"
        let form = [("url", url)] + StripeEventType.subscribed.map { ("enabled_events[]", $0.rawValue) }
        let created = try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints"), headers: createHeaders,
            body: Data(FormEncoding.encode(form).utf8)
        )
        XCTAssertEqual(created.status, 200, String(decoding: created.body, as: UTF8.self))
        return try XCTUnwrap(try JSONDecoder().decode(JSONValue.self, from: created.body)["id"]?.stringValue)
    }

    private func endpoints(account: String) throws -> [JSONValue] {
        let response = try http.send(
            method: "GET", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints"),
            headers: ["Authorization": "Bearer sk_test_inspector", "Stripe-Account": account]
        )
        XCTAssertEqual(response.status, 200)
        return try JSONDecoder().decode(JSONValue.self, from: response.body)["data"]?.arrayValue ?? []
    }

    private func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> JSONValue {
        let response = try http.send(
            method: method, url: URL(string: serverURL.absoluteString + "/api/v1" + path)!,
            headers: ["Authorization": "Bearer \(key.secret)", "Content-Type": "application/json"],
            body: try body.map { try JSONSerialization.data(withJSONObject: $0) }
        )
        XCTAssertTrue((200..<300).contains(response.status), "\(method) \(path): \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        return try JSONDecoder().decode(JSONValue.self, from: response.body)
    }

    private func simulatorControl(_ path: String, _ body: [String: Any]) throws -> JSONValue {
        let response = try http.send(
            method: "POST", url: URL(string: simulatorURL.absoluteString + path)!,
            headers: ["Content-Type": "application/json"], body: try JSONSerialization.data(withJSONObject: body)
        )
        XCTAssertEqual(response.status, 200, String(decoding: response.body, as: UTF8.self))
        return try JSONDecoder().decode(JSONValue.self, from: response.body)
    }
}

/// Status codes collected from concurrent requests.
private final class LockedStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Int] = []

    func append(_ status: Int) {
        lock.withLock { collected.append(status) }
    }

    var values: [Int] {
        lock.withLock { collected }
    }
}
