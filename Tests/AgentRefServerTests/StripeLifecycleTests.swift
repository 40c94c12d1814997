import AgentRefDomain
import Foundation
import XCTest

@testable import AgentRefServer

/// Races between terminals, and every way a connection can end, against a Stripe stub.
final class StripeLifecycleTests: ServerTestCase {
    // MARK: - Two terminals at once

    func testConcurrentConnectRequestsBothGetUsableLinks() throws {
        let programId = try createProgram()

        let states = try concurrently([
            { try self.requestState(programId: programId) },
            { try self.requestState(programId: programId) },
        ])
        let second = try callback(state: states[1], account: "acct_1Both")
        let first = try callback(state: states[0], account: "acct_1Both")

        XCTAssertNotEqual(states[0], states[1])
        XCTAssertEqual(second.status, 200, second.text)
        XCTAssertEqual(first.status, 400, first.text)
        XCTAssertTrue(first.text.contains("already used"), first.text)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "connected")
        XCTAssertEqual(stub.endpoints.count, 1)
    }

    func testRacingCallbacksOfOneProgramConnectOnce() throws {
        let programId = try createProgram()
        let states = [try requestState(programId: programId), try requestState(programId: programId)]
        stub.delay("POST", "/oauth/token", seconds: 0.2)

        let pages = try concurrently([
            { try self.callback(state: states[0], account: "acct_1Race") },
            { try self.callback(state: states[1], account: "acct_1Race") },
        ])

        XCTAssertEqual(pages.map(\.status).sorted(), [200, 400], pages.map(\.text).joined(separator: "\n"))
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "connected")
        XCTAssertEqual(stub.endpoints.count, 1)
    }

    func testRacingProgramsForOneAccountConnectOnlyOne() throws {
        let northwind = try createProgram(name: "Northwind Coffee")
        let harbor = try createProgram(name: "Harbor Yoga")
        let states = [try requestState(programId: northwind), try requestState(programId: harbor)]
        stub.delay("POST", "/v1/webhook_endpoints", seconds: 0.2)

        let pages = try concurrently([
            { try self.callback(state: states[0], account: "acct_1Shared") },
            { try self.callback(state: states[1], account: "acct_1Shared") },
        ])
        let statuses = [try stripeDetail(programId: northwind), try stripeDetail(programId: harbor)]
            .compactMap { $0["status"]?.stringValue }
        let loser = try XCTUnwrap(pages.first { $0.status == 409 })
        let winnerName = pages[0].status == 200 ? "Northwind Coffee" : "Harbor Yoga"

        XCTAssertEqual(pages.map(\.status).sorted(), [200, 409])
        XCTAssertEqual(statuses.sorted(), ["connected", "error"])
        XCTAssertTrue(loser.text.contains(winnerName), loser.text)
        XCTAssertEqual(stub.endpoints.count, 1)
        XCTAssertTrue(stub.deauthorizedAccounts.isEmpty)
    }

    func testDisconnectDuringCallbackCancelsAndCleansUp() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)
        stub.delay("POST", "/v1/webhook_endpoints", seconds: 0.5)

        let results = try concurrently([
            { try self.callback(state: state, account: "acct_1Midway") },
            {
                _ = self.waitUntil { self.stub.calls.contains { $0.hasPrefix("POST /v1/webhook_endpoints") } }
                return try self.delete("/api/v1/programs/\(programId)/connect-stripe")
            },
        ])
        let cleaned = waitUntil { self.stub.endpoints.isEmpty }
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(results[0].status, 409, results[0].text)
        XCTAssertTrue(results[0].text.contains("disconnected while Stripe was authorizing"), results[0].text)
        XCTAssertEqual(results[1].status, 200)
        XCTAssertEqual(detail["status"]?.stringValue, "disconnected")
        XCTAssertTrue(cleaned, "\(stub.endpoints)")
        XCTAssertTrue(waitUntil { (try? self.stripeDetail(programId: programId)["cleanupPending"]?.boolValue) == false })
    }

    func testConnectDuringDisconnectEndsPendingOrDisconnected() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Busy")

        let results = try concurrently([
            { try self.delete("/api/v1/programs/\(programId)/connect-stripe") },
            { try self.post("/api/v1/programs/\(programId)/connect-stripe", ["method": "oauth_url"]) },
        ])
        let detail = try stripeDetail(programId: programId)
        let status = detail["status"]?.stringValue ?? ""

        XCTAssertEqual(results[0].status, 200)
        XCTAssertEqual(results[1].status, 200)
        XCTAssertTrue(["pending", "disconnected"].contains(status), status)
        XCTAssertEqual(detail["authUrl"]?.stringValue != nil, status == "pending")
        XCTAssertTrue(waitUntil { self.stub.endpoints.isEmpty })
    }

    // MARK: - Endpoint reuse

    func testReconnectAfterFailedCleanupReusesEndpoint() throws {
        cleanupRetryDelay = 60
        try restartServer()
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Leftover")
        let endpoint = try XCTUnwrap(stub.endpoints.first)
        stub.isFailing = true
        try delete("/api/v1/programs/\(programId)/connect-stripe")
        let pending = try stripeDetail(programId: programId)
        stub.isFailing = false

        let page = try connect(programId: programId, account: "acct_1Leftover")
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(pending["cleanupPending"]?.boolValue, true)
        XCTAssertTrue(pending["cleanupMessage"]?.stringValue?.contains("retries") ?? false, "\(pending)")
        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(stub.endpoints.map(\.id), [endpoint.id])
        XCTAssertEqual(detail["webhookEndpointId"]?.stringValue, endpoint.id)
        XCTAssertEqual(detail["cleanupPending"]?.boolValue, false)
        XCTAssertTrue(stub.deauthorizedAccounts.isEmpty)
        XCTAssertTrue(logText().contains("webhook endpoint reused"))
    }

    func testEndpointWithUnknownSecretIsReplaced() throws {
        let programId = try createProgram()
        let foreign = stub.addEndpoint(account: "acct_1Foreign", url: baseURL.absoluteString + "/webhooks/stripe/\(programId)")

        let page = try connect(programId: programId, account: "acct_1Foreign")
        let endpoints = stub.endpoints

        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(endpoints.count, 1)
        XCTAssertNotEqual(endpoints.first?.id, foreign.id)
        XCTAssertTrue(logText().contains("webhook endpoint replaced, its signing secret is unknown"), logText())
        XCTAssertTrue(logText().contains(foreign.id))
    }

    func testReconnectAfterRevocationReusesEndpoint() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Back")
        let endpoint = try XCTUnwrap(stub.endpoints.first)
        stub.revoke(account: "acct_1Back")
        app.checkStripeAccessNow()

        let page = try connect(programId: programId, account: "acct_1Back")

        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(stub.endpoints.map(\.id), [endpoint.id])
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "connected")
    }

    // MARK: - Lost access

    func testRejectedAccessMovesToRevokedWithMessage() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Gone")
        stub.revoke(account: "acct_1Gone")

        app.checkStripeAccessNow()
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(detail["status"]?.stringValue, "revoked")
        XCTAssertTrue(detail["errorMessage"]?.stringValue?.contains("acct_1Gone") ?? false, "\(detail)")
        XCTAssertTrue(detail["errorMessage"]?.stringValue?.contains("account_invalid") ?? false, "\(detail)")
    }

    func testDisconnectAfterRevocationCountsGoneAccessAsDone() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Gone")
        stub.revoke(account: "acct_1Gone")
        app.checkStripeAccessNow()

        let response = try delete("/api/v1/programs/\(programId)/connect-stripe")
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(detail["status"]?.stringValue, "disconnected")
        XCTAssertEqual(detail["cleanupPending"]?.boolValue, false)
        XCTAssertNil(detail["cleanupMessage"]?.stringValue)
    }

    func testEndpointDeletedOnStripeMovesToError() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Deleted")
        stub.removeEndpoint(id: try XCTUnwrap(stub.endpoints.first?.id))

        app.checkStripeAccessNow()
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(detail["status"]?.stringValue, "error")
        XCTAssertTrue(detail["errorMessage"]?.stringValue?.contains("was deleted") ?? false, "\(detail)")
    }

    func testUnreachableStripeLeavesConnectionAlone() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Steady")
        stub.isFailing = true

        app.checkStripeAccessNow()
        stub.isFailing = false

        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "connected")
    }

    func testEndpointRejectedAsForbiddenDuringCallbackIsRevoked() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)
        stub.reject("POST", "/v1/webhook_endpoints", status: 403, code: "account_invalid")

        let page = try callback(state: state, account: "acct_1Refused")
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(page.status, 502)
        XCTAssertEqual(detail["status"]?.stringValue, "revoked")
        XCTAssertTrue(detail["errorMessage"]?.stringValue?.contains("account_invalid") ?? false, "\(detail)")
    }

    // MARK: - Cleanup outcomes

    func testDisconnectKeepsConversionsAndCommissions() throws {
        let (programId, cid) = try makeConnectedProgram(account: "acct_1Keep")
        let event = StripeEvents.envelope("checkout.session.completed", object: StripeEvents.checkoutSession(
            id: "cs_test_keep", cid: cid, amount: 5000, paymentIntent: "pi_keep", customer: "cus_keep"
        ), account: "acct_1Keep")
        try deliver(event, to: programId)
        let before = try conversions(programId: programId)

        try delete("/api/v1/programs/\(programId)/connect-stripe")
        try delete("/api/v1/programs/\(programId)/connect-stripe")
        let after = try conversions(programId: programId)

        XCTAssertEqual(before.count, 1)
        XCTAssertEqual(after, before)
        XCTAssertEqual(after.first?["commission"]?.int64Value, 1000)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "disconnected")
    }

    func testPermanentlyRejectedCleanupIsReportedNotRetried() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Stuck")
        stub.reject("DELETE", "/v1/webhook_endpoints/", status: 400, code: "parameter_invalid")

        try delete("/api/v1/programs/\(programId)/connect-stripe")
        let detail = try stripeDetail(programId: programId)
        let deletes = stub.calls.filter { $0.hasPrefix("DELETE /v1/webhook_endpoints/") }.count

        XCTAssertEqual(detail["cleanupPending"]?.boolValue, false)
        XCTAssertTrue(detail["cleanupMessage"]?.stringValue?.contains("delete it in the Stripe dashboard") ?? false)
        XCTAssertEqual(stub.deauthorizedAccounts, ["acct_1Stuck"])
        XCTAssertEqual(deletes, 1)
    }

    func testCleanupStatusSurvivesRestart() throws {
        cleanupRetryDelay = 60
        try restartServer()
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Later")
        stub.isFailing = true
        try delete("/api/v1/programs/\(programId)/connect-stripe")

        try restartServer()
        let afterRestart = try stripeDetail(programId: programId)["cleanupPending"]?.boolValue
        stub.isFailing = false
        try restartServer()
        let finished = waitUntil { (try? self.stripeDetail(programId: programId)["cleanupPending"]?.boolValue) == false }

        XCTAssertEqual(afterRestart, true)
        XCTAssertTrue(finished)
        XCTAssertEqual(stub.deauthorizedAccounts, ["acct_1Later"])
        XCTAssertTrue(stub.endpoints.isEmpty)
    }

    // MARK: - Callback for API clients

    func testCallbackAnswersJSONToAPIClients() throws {
        let holder = try createProgram(name: "Northwind Coffee")
        try connect(programId: holder, account: "acct_1Shared")
        let other = try createProgram(name: "Harbor Yoga")
        let state = try requestState(programId: other)
        let code = stub.issueCode(for: "acct_1Shared")

        let response = try request(
            "GET", "/oauth/stripe/callback?code=\(code)&state=\(state)", headers: ["Accept": "application/json"],
            authorized: false
        )

        XCTAssertEqual(response.status, 409)
        XCTAssertEqual(response.errorCode, "CONFLICT")
        XCTAssertTrue(response.errorMessage.contains("Northwind Coffee"), response.errorMessage)
        XCTAssertEqual(response.json.value(at: "error.details.holderProgramId")?.stringValue, holder)
        XCTAssertNotNil(response.json.value(at: "meta.requestId")?.stringValue)
    }
}
