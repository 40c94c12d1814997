import AgentRefDomain
import Foundation
import XCTest

@testable import AgentRefServer

final class StripeConnectTests: ServerTestCase {
    func testConnectIssuesAuthorizeURLAndPendingStatus() throws {
        let programId = try createProgram()

        let response = try post("/api/v1/programs/\(programId)/connect-stripe", ["method": "oauth_url"])
        let data = response.json["data"] ?? .null
        let authURL = try XCTUnwrap(URLComponents(string: data["authUrl"]?.stringValue ?? ""))
        let query = Dictionary(uniqueKeysWithValues: (authURL.queryItems ?? []).map { ($0.name, $0.value ?? "") })

        XCTAssertEqual(data["connected"]?.boolValue, false)
        XCTAssertEqual(data["method"]?.stringValue, "oauth_url")
        XCTAssertEqual(data["programId"]?.stringValue, programId)
        XCTAssertEqual(data["programReadiness"]?.stringValue, "setup")
        XCTAssertTrue(data["message"]?.stringValue?.contains("authorization URL") ?? false)
        XCTAssertEqual(authURL.path, "/oauth/authorize")
        XCTAssertEqual(query["response_type"], "code")
        XCTAssertEqual(query["client_id"], "ca_agentref_local")
        XCTAssertEqual(query["scope"], "read_only")
        XCTAssertEqual(query["redirect_uri"], baseURL.absoluteString + "/oauth/stripe/callback")
        XCTAssertGreaterThanOrEqual(query["state"]?.count ?? 0, 32)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "pending")
    }

    func testEachConnectIssuesNewState() throws {
        let programId = try createProgram()

        let first = try requestState(programId: programId)
        let second = try requestState(programId: programId)

        XCTAssertNotEqual(first, second)
    }

    func testConnectAcceptsEmptyBody() throws {
        let programId = try createProgram()

        let response = try request("POST", "/api/v1/programs/\(programId)/connect-stripe")

        XCTAssertEqual(response.status, 200)
    }

    func testConnectRejectsOtherMethod() throws {
        let programId = try createProgram()

        let response = try post("/api/v1/programs/\(programId)/connect-stripe", ["method": "api_key"])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertTrue(response.errorMessage.contains("oauth_url"), response.errorMessage)
    }

    func testCallbackConnectsAndRegistersWebhookEndpoint() throws {
        let programId = try createProgram()

        let page = try connect(programId: programId, account: "acct_1Northwind")
        let detail = try stripeDetail(programId: programId)
        let endpoint = try XCTUnwrap(stub.endpoints.first)

        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("acct_1Northwind"), page.text)
        XCTAssertEqual(detail["status"]?.stringValue, "connected")
        XCTAssertEqual(detail["stripeAccountId"]?.stringValue, "acct_1Northwind")
        XCTAssertEqual(detail["webhookEndpointId"]?.stringValue, endpoint.id)
        XCTAssertEqual(detail["subscribedEvents"]?.arrayValue?.count, 5)
        XCTAssertNotNil(detail["connectedAt"]?.stringValue)
        XCTAssertEqual(endpoint.account, "acct_1Northwind")
        XCTAssertEqual(endpoint.url, baseURL.absoluteString + "/webhooks/stripe/\(programId)")
        XCTAssertEqual(endpoint.enabledEvents, StripeEventType.subscribed.map(\.rawValue))
        XCTAssertFalse(detail.objectValue?.keys.contains("endpointSecret") ?? true)
    }

    func testReadinessFollowsConnectionAndAffiliates() throws {
        let programId = try createProgram()
        try connect(programId: programId)
        let partial = try get("/api/v1/programs/\(programId)").json.value(at: "data.readiness")?.stringValue

        _ = try createAffiliate(programId: programId)
        let ready = try get("/api/v1/programs/\(programId)").json.value(at: "data.readiness")?.stringValue
        let program = try get("/api/v1/programs/\(programId)").json["data"] ?? .null

        XCTAssertEqual(partial, "partial")
        XCTAssertEqual(ready, "ready")
        XCTAssertEqual(program["stripeAccountId"]?.stringValue, "acct_1Test")
        XCTAssertNotNil(program["stripeConnectedAt"]?.stringValue)
    }

    func testReplayedStateIsRejectedAndChangesNothing() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)
        try callback(state: state, account: "acct_1First")

        let replay = try callback(state: state, account: "acct_1Second")

        XCTAssertEqual(replay.status, 400)
        XCTAssertTrue(replay.text.contains("already used"), replay.text)
        XCTAssertEqual(try stripeDetail(programId: programId)["stripeAccountId"]?.stringValue, "acct_1First")
        XCTAssertEqual(stub.endpoints.count, 1)
    }

    func testUnknownStateIsRejected() throws {
        let programId = try createProgram()
        _ = try requestState(programId: programId)

        let response = try callback(state: "state_forged", account: "acct_1Test")

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.text.contains("not known"), response.text)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "pending")
    }

    func testExpiredStateIsRejected() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)
        clock.advance(by: 601)

        let response = try callback(state: state, account: "acct_1Test")

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(response.text.contains("expired"), response.text)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "pending")
        XCTAssertTrue(stub.endpoints.isEmpty)
    }

    func testAccountHeldByAnotherProgramIsConflict() throws {
        let holder = try createProgram(name: "Northwind Coffee")
        try connect(programId: holder, account: "acct_1Shared")
        let other = try createProgram(name: "Harbor Yoga")

        let page = try connect(programId: other, account: "acct_1Shared")

        XCTAssertEqual(page.status, 409)
        XCTAssertTrue(page.text.contains("Northwind Coffee"), page.text)
        let otherDetail = try stripeDetail(programId: other)
        XCTAssertEqual(otherDetail["status"]?.stringValue, "error")
        XCTAssertTrue(otherDetail["errorMessage"]?.stringValue?.contains("Northwind Coffee") == true, "\(otherDetail)")
        XCTAssertNil(otherDetail["stripeAccountId"]?.stringValue)
        XCTAssertEqual(try stripeDetail(programId: holder)["status"]?.stringValue, "connected")
        XCTAssertEqual(stub.endpoints.count, 1)
    }

    func testConnectWhenConnectedReportsAccount() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Done")

        let data = try post("/api/v1/programs/\(programId)/connect-stripe", ["method": "oauth_url"]).json["data"] ?? .null

        XCTAssertEqual(data["connected"]?.boolValue, true)
        XCTAssertNil(data["authUrl"]?.stringValue)
        XCTAssertTrue(data["message"]?.stringValue?.contains("acct_1Done") ?? false)
    }

    func testDeniedAuthorizationKeepsLinkAndSaysWhy() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)

        let page = try request(
            "GET", "/oauth/stripe/callback?error=access_denied&error_description=The+user+denied+your+request&state=\(state)",
            authorized: false
        )
        let detail = try stripeDetail(programId: programId)
        let retry = try callback(state: state, account: "acct_1Later")

        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("denied"), page.text)
        XCTAssertEqual(detail["status"]?.stringValue, "pending")
        XCTAssertTrue(detail["errorMessage"]?.stringValue?.contains("denied access") == true, "\(detail)")
        XCTAssertNotNil(detail["authUrl"]?.stringValue)
        XCTAssertEqual(retry.status, 200, retry.text)
        let connected = try stripeDetail(programId: programId)
        XCTAssertEqual(connected["stripeAccountId"]?.stringValue, "acct_1Later")
        XCTAssertNil(connected["errorMessage"]?.stringValue)
    }

    func testCallbackWithoutCodeChangesNothing() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)

        let page = try request("GET", "/oauth/stripe/callback?state=\(state)", authorized: false)
        let retry = try callback(state: state, account: "acct_1Later")

        XCTAssertEqual(page.status, 400)
        XCTAssertTrue(page.text.contains("no authorization code"), page.text)
        XCTAssertEqual(retry.status, 200, retry.text)
    }

    func testDisconnectRemovesEndpointDeauthorizesAndIsIdempotent() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Leaving")

        let first = try delete("/api/v1/programs/\(programId)/connect-stripe")
        let second = try delete("/api/v1/programs/\(programId)/connect-stripe")
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.json.value(at: "data.success")?.boolValue, true)
        XCTAssertEqual(first.json.value(at: "data.programId")?.stringValue, programId)
        XCTAssertEqual(second.status, 200)
        XCTAssertEqual(second.json.value(at: "data.success")?.boolValue, true)
        XCTAssertTrue(stub.endpoints.isEmpty)
        XCTAssertEqual(stub.deauthorizedAccounts, ["acct_1Leaving"])
        XCTAssertEqual(detail["status"]?.stringValue, "disconnected")
        XCTAssertEqual(detail["cleanupPending"]?.boolValue, false)
    }

    func testDisconnectWhileStripeIsDownRetriesCleanup() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Flaky")
        stub.isFailing = true

        let response = try delete("/api/v1/programs/\(programId)/connect-stripe")
        let pending = try stripeDetail(programId: programId)
        stub.isFailing = false
        let finished = waitUntil { (try? self.stripeDetail(programId: programId)["cleanupPending"]?.boolValue) == false }

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(pending["status"]?.stringValue, "disconnected")
        XCTAssertEqual(pending["cleanupPending"]?.boolValue, true)
        XCTAssertTrue(finished)
        XCTAssertTrue(stub.endpoints.isEmpty)
        XCTAssertEqual(stub.deauthorizedAccounts, ["acct_1Flaky"])
    }

    func testCallbackWhenStripeRejectsEndpointMovesToError() throws {
        let programId = try createProgram()
        let state = try requestState(programId: programId)
        let code = stub.issueCode(for: "acct_1Test")
        stub.isFailing = true

        let page = try request("GET", "/oauth/stripe/callback?code=\(code)&state=\(state)", authorized: false)
        stub.isFailing = false

        XCTAssertEqual(page.status, 502)
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "error")
    }

    func testReconnectReplacesEndpoint() throws {
        let programId = try createProgram()
        try connect(programId: programId, account: "acct_1Again")
        try delete("/api/v1/programs/\(programId)/connect-stripe")

        let page = try connect(programId: programId, account: "acct_1Again")

        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(stub.endpoints.count, 1)
        XCTAssertEqual(try stripeDetail(programId: programId)["webhookEndpointId"]?.stringValue, stub.endpoints.first?.id)
    }
}
