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
    private var stack: SimulatorStack!

    override func setUpWithError() throws {
        stack = try SimulatorStack()
    }

    override func tearDownWithError() throws {
        // XCTest keeps every test case object until the run ends, so release the stack's
        // sockets here.
        stack?.stop()
        stack = nil
    }

    /// Replaces the stack with one whose server waits `cleanupRetryDelay` seconds before
    /// retrying a failed cleanup, so a test can act before the retry.
    private func restartStack(cleanupRetryDelay: TimeInterval) throws {
        stack.stop()
        stack = try SimulatorStack(cleanupRetryDelay: cleanupRetryDelay)
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
        try restartStack(cleanupRetryDelay: 60)
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let endpoint = try XCTUnwrap(try endpoints(account: account).first?["id"]?.stringValue)
        stack.simulator.stop()

        let disconnect = try api("DELETE", "/programs/\(program)/connect-stripe")
        let pending = try api("GET", "/programs/\(program)/stripe")["data"]
        try stack.restartSimulator()
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
        try restartStack(cleanupRetryDelay: 60)
        let (program, cid) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let original = try XCTUnwrap(try endpoints(account: account).first?["id"]?.stringValue)
        stack.simulator.stop()
        _ = try api("DELETE", "/programs/\(program)/connect-stripe")
        try stack.restartSimulator()
        let foreign = try stack.replaceEndpoint(
            original, account: account, url: serverURL.absoluteString + "/webhooks/stripe/\(program)"
        )

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
        let deauthorize = try stack.deauthorizeBehindServer(account)

        stack.server.checkStripeAccessNow()
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

    func testDisabledEndpointIsReportedWhileStayingConnected() throws {
        let (program, _) = try makeProgramWithClick(percent: 20)
        let account = try connectThroughAuthorizeForm(program)
        let endpoint = try XCTUnwrap(api("GET", "/programs/\(program)/stripe").value(at: "data.webhookEndpointId")?.stringValue)

        func setDisabled(_ disabled: Bool) throws -> Int {
            try stack.http.send(
                method: "POST", url: stack.simulatorURL.appendingPathComponent("v1/webhook_endpoints/\(endpoint)"),
                headers: [
                    "Authorization": "Bearer sk_test_merchant_side", "Stripe-Account": account,
                    "Content-Type": "application/x-www-form-urlencoded",
                ],
                body: Data("disabled=\(disabled)".utf8)
            ).status
        }

        XCTAssertEqual(try setDisabled(true), 200)
        stack.server.checkStripeAccessNow()
        let warned = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(try setDisabled(false), 200)
        stack.server.checkStripeAccessNow()
        let healthy = try api("GET", "/programs/\(program)/stripe")["data"]

        XCTAssertEqual(warned?["status"]?.stringValue, "connected")
        XCTAssertTrue(warned?["errorMessage"]?.stringValue?.contains("is disabled on Stripe") ?? false, "\(warned ?? .null)")
        XCTAssertEqual(healthy?["status"]?.stringValue, "connected")
        XCTAssertNil(healthy?["errorMessage"]?.stringValue)
    }

    func testTwoProgramsAuthorizingOneAccountConnectOnlyOne() throws {
        let first = try makeProgramWithClick(percent: 20).program
        let second = try makeProgramWithClick(percent: 10).program
        let links = try [first, second].map { program in
            try XCTUnwrap(api("POST", "/programs/\(program)/connect-stripe", ["method": "oauth_url"]).value(at: "data.authUrl")?.stringValue)
        }

        let statuses = LockedStatuses()
        let http = stack.http
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            statuses.append((try? SimulatorStack.submitAuthorizeForm(links[index], http: http).status) ?? 0)
        }
        let details = try [first, second].map { try api("GET", "/programs/\($0)/stripe")["data"] }
        let connected = details.compactMap { $0?["stripeAccountId"]?.stringValue }

        XCTAssertEqual(statuses.values.sorted(), [200, 409])
        XCTAssertEqual(details.compactMap { $0?["status"]?.stringValue }.sorted(), ["connected", "error"])
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

    private var serverURL: URL { stack.serverURL }

    private func makeProgramWithClick(percent: Double) throws -> (program: String, cid: String) {
        try stack.makeProgramWithClick(percent: percent)
    }

    private func connectThroughAuthorizeForm(_ program: String) throws -> String {
        try stack.connectThroughAuthorizeForm(program)
    }

    private func endpoints(account: String) throws -> [JSONValue] {
        try stack.endpoints(account: account)
    }

    private func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> JSONValue {
        try stack.api(method, path, body)
    }

    private func simulatorControl(_ path: String, _ body: [String: Any]) throws -> JSONValue {
        try stack.simulatorControl(path, body)
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
