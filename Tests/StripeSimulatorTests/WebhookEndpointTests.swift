import Foundation
@testable import StripeSimulator
import XCTest

final class WebhookEndpointTests: SimulatorTestCase {
    private let endpointURL = "http://127.0.0.1:9/webhooks/stripe/prg_1"

    override func setUpWithError() throws {
        try startSimulator()
        try connect(Self.northwind)
        try connect(Self.harbor)
    }

    private func create(
        _ items: [(name: String, value: String)], account: String = northwind
    ) throws -> TestHTTPClient.Response {
        try postForm("/v1/webhook_endpoints", items, headers: platformHeaders(account: account))
    }

    private func standardItems(url: String? = nil) -> [(name: String, value: String)] {
        [("url", url ?? endpointURL)] + Self.subscribedEvents.map { ("enabled_events[]", $0) }
            + [("description", "AgentRef program prg_1")]
    }

    private func assertStripeError(
        _ response: TestHTTPClient.Response, status: Int, code: String?, param: String?,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let body = try response.jsonObject()
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertEqual(body.string(at: "error.type"), "invalid_request_error", file: file, line: line)
        XCTAssertEqual(body.string(at: "error.code"), code, file: file, line: line)
        XCTAssertEqual(body.string(at: "error.param"), param, file: file, line: line)
        XCTAssertFalse(body.string(at: "error.message")?.isEmpty ?? true, file: file, line: line)
    }

    func testCreateReturnsWebhookEndpointWithSecret() throws {
        let response = try create(standardItems() + [("metadata[program]", "prg_1")])
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(body.string(at: "id")?.hasPrefix("we_") ?? false)
        XCTAssertEqual(body.string(at: "object"), "webhook_endpoint")
        XCTAssertTrue(body.string(at: "secret")?.hasPrefix("whsec_") ?? false)
        XCTAssertEqual(body.string(at: "status"), "enabled")
        XCTAssertEqual(body.string(at: "url"), endpointURL)
        XCTAssertEqual(body["enabled_events"] as? [String], Self.subscribedEvents)
        XCTAssertEqual(body["livemode"] as? Bool, false)
        XCTAssertEqual(body.string(at: "description"), "AgentRef program prg_1")
        XCTAssertEqual(body.string(at: "metadata.program"), "prg_1")
        XCTAssertEqual(body.string(at: "application"), Self.clientID)
        XCTAssertNotNil(body.int(at: "created"))
        XCTAssertTrue(body.keys.contains("api_version"))
    }

    func testIndexedEnabledEventsAreAccepted() throws {
        let response = try create([
            ("url", endpointURL), ("enabled_events[0]", "charge.succeeded"), ("enabled_events[1]", "invoice.paid"),
        ])
        XCTAssertEqual(try response.jsonObject()["enabled_events"] as? [String], ["charge.succeeded", "invoice.paid"])
    }

    func testListReturnsStripeListWithoutSecrets() throws {
        let first = try create(standardItems(url: endpointURL + "/a")).jsonObject()
        let second = try create(standardItems(url: endpointURL + "/b")).jsonObject()

        let response = try get("/v1/webhook_endpoints", headers: platformHeaders(account: Self.northwind))
        let body = try response.jsonObject()
        let data = body["data"] as? [[String: Any]] ?? []

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(body.string(at: "object"), "list")
        XCTAssertEqual(body.string(at: "url"), "/v1/webhook_endpoints")
        XCTAssertEqual(body["has_more"] as? Bool, false)
        XCTAssertEqual(data.compactMap { $0["id"] as? String }, [second.string(at: "id"), first.string(at: "id")].compactMap { $0 })
        XCTAssertTrue(data.allSatisfy { $0["secret"] == nil })
    }

    func testListPagesWithLimitAndStartingAfter() throws {
        for index in 0..<3 {
            _ = try create(standardItems(url: endpointURL + "/\(index)"))
        }
        let headers = platformHeaders(account: Self.northwind)

        let firstPage = try get("/v1/webhook_endpoints?limit=2", headers: headers).jsonObject()
        let firstIDs = (firstPage["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let secondPage = try get("/v1/webhook_endpoints?limit=2&starting_after=\(firstIDs.last ?? "")", headers: headers)
            .jsonObject()
        let secondURLs = (secondPage["data"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }

        XCTAssertEqual(firstIDs.count, 2)
        XCTAssertEqual(firstPage["has_more"] as? Bool, true)
        XCTAssertEqual(secondURLs, [endpointURL + "/0"])
        XCTAssertEqual(secondPage["has_more"] as? Bool, false)
    }

    func testInvalidLimitIsRejected() throws {
        let response = try get("/v1/webhook_endpoints?limit=101", headers: platformHeaders(account: Self.northwind))
        try assertStripeError(response, status: 400, code: "parameter_invalid", param: "limit")
    }

    func testRetrieveReturnsEndpointWithoutSecret() throws {
        let id = try XCTUnwrap(try create(standardItems()).jsonObject().string(at: "id"))
        let response = try get("/v1/webhook_endpoints/\(id)", headers: platformHeaders(account: Self.northwind))
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(body.string(at: "id"), id)
        XCTAssertEqual(body.string(at: "url"), endpointURL)
        XCTAssertNil(body["secret"])
    }

    func testUpdateChangesURLEventsMetadataAndStatus() throws {
        let id = try XCTUnwrap(try create(standardItems() + [("metadata[keep]", "1"), ("metadata[drop]", "2")])
            .jsonObject().string(at: "id"))
        let response = try postForm("/v1/webhook_endpoints/\(id)", [
            ("url", endpointURL + "/new"), ("enabled_events[]", "*"), ("disabled", "true"),
            ("metadata[drop]", ""), ("metadata[added]", "3"),
        ], headers: platformHeaders(account: Self.northwind))
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(body.string(at: "url"), endpointURL + "/new")
        XCTAssertEqual(body["enabled_events"] as? [String], ["*"])
        XCTAssertEqual(body.string(at: "status"), "disabled")
        XCTAssertEqual(body["metadata"] as? [String: String], ["keep": "1", "added": "3"])
        XCTAssertNil(body["secret"])
    }

    func testDeleteReturnsDeletedStubThenRetrieveIs404() throws {
        let id = try XCTUnwrap(try create(standardItems()).jsonObject().string(at: "id"))
        let headers = platformHeaders(account: Self.northwind)

        let deleted = try delete("/v1/webhook_endpoints/\(id)", headers: headers)
        let body = try deleted.jsonObject()
        let retrieved = try get("/v1/webhook_endpoints/\(id)", headers: headers)

        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(body.string(at: "id"), id)
        XCTAssertEqual(body.string(at: "object"), "webhook_endpoint")
        XCTAssertEqual(body["deleted"] as? Bool, true)
        try assertStripeError(retrieved, status: 404, code: "resource_missing", param: "id")
        XCTAssertEqual(try retrieved.jsonObject().string(at: "error.message"), "No such webhook endpoint: '\(id)'")
    }

    func testUnknownIDIs404ForEveryMethod() throws {
        let headers = platformHeaders(account: Self.northwind)
        let path = "/v1/webhook_endpoints/we_missing"

        try assertStripeError(try get(path, headers: headers), status: 404, code: "resource_missing", param: "id")
        try assertStripeError(
            try postForm(path, [("url", endpointURL)], headers: headers), status: 404, code: "resource_missing", param: "id"
        )
        try assertStripeError(try delete(path, headers: headers), status: 404, code: "resource_missing", param: "id")
    }

    func testStripeAccountHeaderIsolatesAccounts() throws {
        let id = try XCTUnwrap(try create(standardItems(), account: Self.northwind).jsonObject().string(at: "id"))
        let harbor = platformHeaders(account: Self.harbor)

        let list = try get("/v1/webhook_endpoints", headers: harbor).jsonObject()
        let retrieved = try get("/v1/webhook_endpoints/\(id)", headers: harbor)
        let deleted = try delete("/v1/webhook_endpoints/\(id)", headers: harbor)
        let stillThere = try get("/v1/webhook_endpoints/\(id)", headers: platformHeaders(account: Self.northwind))

        XCTAssertEqual((list["data"] as? [Any])?.count, 0)
        XCTAssertEqual(retrieved.status, 404)
        XCTAssertEqual(deleted.status, 404)
        XCTAssertEqual(stillThere.status, 200)
    }

    func testAccessTokenActsOnItsAccount() throws {
        let token = try connect(Self.harbor)
        let created = try postForm("/v1/webhook_endpoints", standardItems(), headers: ["Authorization": "Bearer \(token)"])
        let platformView = try get("/v1/webhook_endpoints", headers: platformHeaders(account: Self.harbor)).jsonObject()
        let northwindView = try get("/v1/webhook_endpoints", headers: platformHeaders(account: Self.northwind)).jsonObject()

        XCTAssertEqual(created.status, 200)
        XCTAssertEqual((platformView["data"] as? [[String: Any]])?.first?["id"] as? String, try created.jsonObject().string(at: "id"))
        XCTAssertEqual((northwindView["data"] as? [Any])?.count, 0)
    }

    func testAccessTokenWithOtherStripeAccountIs403() throws {
        let token = try connect(Self.harbor)
        let response = try get(
            "/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)", "Stripe-Account": Self.northwind]
        )
        try assertStripeError(response, status: 403, code: "account_invalid", param: nil)
    }

    func testPlatformKeyUsesPlatformAccount() throws {
        _ = try create(standardItems(), account: Self.northwind)
        let response = try get("/v1/webhook_endpoints", headers: platformHeaders())

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual((try response.jsonObject()["data"] as? [Any])?.count, 0)
    }

    func testStripeAccountOfUnconnectedOrUnknownAccountIs403() throws {
        let unconnected = SimulatedAccount.merchants[2].id
        try assertStripeError(
            try get("/v1/webhook_endpoints", headers: platformHeaders(account: unconnected)),
            status: 403, code: "account_invalid", param: nil
        )
        try assertStripeError(
            try get("/v1/webhook_endpoints", headers: platformHeaders(account: "acct_unknown")),
            status: 403, code: "account_invalid", param: nil
        )
    }

    func testMissingKeyIs401() throws {
        let response = try get("/v1/webhook_endpoints")
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(body.string(at: "error.type"), "invalid_request_error")
        XCTAssertTrue(body.string(at: "error.message")?.contains("did not provide an API key") ?? false)
    }

    func testNonTestKeyIs401WithoutEchoingKey() throws {
        let key = "sk_live_secretvalue_ABCD"
        let response = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(key)"])

        try assertStripeError(response, status: 401, code: "api_key_invalid", param: nil)
        XCTAssertFalse(response.text.contains(key))
    }

    func testBasicAuthWithKeyAsUserIsAccepted() throws {
        let credentials = Data("\(Self.platformKey):".utf8).base64EncodedString()
        let response = try get("/v1/webhook_endpoints", headers: ["Authorization": "Basic \(credentials)"])
        XCTAssertEqual(response.status, 200)
    }

    func testCreateValidationErrorsNameTheParameter() throws {
        let cases: [(items: [(name: String, value: String)], code: String, param: String)] = [
            ([("enabled_events[]", "charge.succeeded")], "parameter_missing", "url"),
            ([("url", "ftp://127.0.0.1/x"), ("enabled_events[]", "charge.succeeded")], "url_invalid", "url"),
            ([("url", endpointURL)], "parameter_missing", "enabled_events"),
            (
                [("url", endpointURL), ("enabled_events[]", "charge.succeeded"), ("enabled_events[]", "charge.bogus")],
                "parameter_invalid", "enabled_events[1]"
            ),
            ([("url", endpointURL), ("enabled_events[]", "*"), ("colour", "red")], "parameter_unknown", "colour"),
            ([("url", endpointURL), ("enabled_events[]", "*"), ("api_version", "latest")], "parameter_invalid", "api_version"),
            ([("url", endpointURL), ("enabled_events[]", "*"), ("connect", "true")], "parameter_invalid", "connect"),
        ]
        for (items, code, param) in cases {
            try assertStripeError(try create(items), status: 400, code: code, param: param)
        }
    }

    func testAccountEndpointLimitIsEnforced() throws {
        for index in 0..<WebhookEndpointHandlers.maxEndpointsPerAccount {
            XCTAssertEqual(try create(standardItems(url: endpointURL + "/\(index)")).status, 200)
        }
        let response = try create(standardItems(url: endpointURL + "/extra"))

        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(try response.jsonObject().string(at: "error.message")?.contains("delete one first") ?? false)
    }

    func testConfiguredWebhookSecretIsGivenToEveryEndpoint() throws {
        try restartSimulator(Self.testConfiguration(webhookSecret: "whsec_fixed_for_outside_tools"))
        try connect(Self.northwind)

        let first = try create(standardItems(url: endpointURL + "/1")).jsonObject()
        let second = try create(standardItems(url: endpointURL + "/2")).jsonObject()

        XCTAssertEqual(first.string(at: "secret"), "whsec_fixed_for_outside_tools")
        XCTAssertEqual(second.string(at: "secret"), "whsec_fixed_for_outside_tools")
    }

    func testWebhookSecretIsReadFromEnvironment() {
        let variable = SimulatorConfiguration.webhookSecretVariable
        XCTAssertEqual(variable, "STRIPE_SIM_WEBHOOK_SECRET")
        XCTAssertEqual(SimulatorConfiguration.webhookSecret(fromEnvironment: [variable: " whsec_x \n"]), "whsec_x")
        XCTAssertNil(SimulatorConfiguration.webhookSecret(fromEnvironment: [variable: "  "]))
        XCTAssertNil(SimulatorConfiguration.webhookSecret(fromEnvironment: [:]))
    }

    func testUnknownRouteIsStripe404() throws {
        let response = try get("/v1/customers", headers: platformHeaders())
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 404)
        XCTAssertTrue(body.string(at: "error.message")?.contains("Unrecognized request URL (GET: /v1/customers)") ?? false)
    }

    func testWrongMethodIs405WithAllow() throws {
        let response = try http.send("PUT", url("/v1/webhook_endpoints"), headers: platformHeaders())

        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "POST, GET")
    }

    func testResponsesCarryRequestID() throws {
        let response = try get("/v1/webhook_endpoints", headers: platformHeaders())
        XCTAssertTrue(response.header("Request-Id")?.hasPrefix("req_") ?? false)
    }
}
