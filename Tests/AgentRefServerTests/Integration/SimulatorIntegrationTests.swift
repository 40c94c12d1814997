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
        stack?.stop()
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
        let (program, _) = try makeProgramWithClick(percent: 20)
        var account = ""
        for _ in 0..<3 {
            account = try connectThroughAuthorizeForm(program)
            XCTAssertEqual(try api("DELETE", "/programs/\(program)/connect-stripe").value(at: "data.success")?.boolValue, true)
        }
        account = try connectThroughAuthorizeForm(program)

        // Disconnecting deauthorizes the platform, so the account's endpoints can only be
        // listed again after the last reconnect; any left over from earlier cycles would show.
        let registered = try endpoints(account: account)
        XCTAssertEqual(registered.count, 1)
        XCTAssertEqual(registered.first?["url"]?.stringValue, serverURL.absoluteString + "/webhooks/stripe/\(program)")
        XCTAssertEqual(registered.first?["enabled_events"]?.arrayValue?.count, 5)
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
        let program = try XCTUnwrap(api("POST", "/programs", ["name": "Integration", "commissionType": "recurring", "commissionPercent": percent]).value(at: "data.id")?.stringValue)
        _ = try api("POST", "/programs/\(program)/affiliates", ["code": "jane20"])
        let cid = try XCTUnwrap(api("POST", "/clicks", ["programId": program, "affiliateCode": "jane20"]).value(at: "data.cid")?.stringValue)
        return (program, cid)
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
