import Foundation
@testable import StripeSimulator
import XCTest

final class TokenExchangeTests: SimulatorTestCase {
    override func setUpWithError() throws {
        try startSimulator()
    }

    private func assertOAuthError(
        _ response: TestHTTPClient.Response, status: Int, error: String, mentioning text: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let body = try response.jsonObject()
        XCTAssertEqual(response.status, status, file: file, line: line)
        XCTAssertEqual(body["error"] as? String, error, file: file, line: line)
        XCTAssertTrue((body["error_description"] as? String)?.contains(text) ?? false, response.text, file: file, line: line)
    }

    func testCodeExchangeReturnsStripeTokenResponse() throws {
        let response = try exchange(code: try authorizationCode(account: Self.harbor))
        let body = try response.jsonObject()

        XCTAssertEqual(response.status, 200)
        XCTAssertTrue((body["access_token"] as? String)?.hasPrefix("sk_test_") ?? false)
        XCTAssertEqual(body["livemode"] as? Bool, false)
        XCTAssertTrue((body["refresh_token"] as? String)?.hasPrefix("rt_") ?? false)
        XCTAssertEqual(body["token_type"] as? String, "bearer")
        XCTAssertTrue((body["stripe_publishable_key"] as? String)?.hasPrefix("pk_test_") ?? false)
        XCTAssertEqual(body["stripe_user_id"] as? String, Self.harbor)
        XCTAssertEqual(body["scope"] as? String, "read_only")
    }

    func testReusedCodeIsInvalidGrant() throws {
        let code = try authorizationCode()
        XCTAssertEqual(try exchange(code: code).status, 200)

        try assertOAuthError(try exchange(code: code), status: 400, error: "invalid_grant", mentioning: "already been used")
    }

    func testUnknownCodeIsInvalidGrant() throws {
        try assertOAuthError(
            try exchange(code: "ac_doesnotexist"), status: 400, error: "invalid_grant", mentioning: "ac_doesnotexist"
        )
    }

    func testCodeOlderThanFiveMinutesIsInvalidGrant() throws {
        let code = try authorizationCode()
        clock.advance(by: 5 * 60 + 1)

        try assertOAuthError(try exchange(code: code), status: 400, error: "invalid_grant", mentioning: "expired")
    }

    func testCodeJustUnderFiveMinutesOldIsAccepted() throws {
        let code = try authorizationCode()
        clock.advance(by: 5 * 60 - 5)

        XCTAssertEqual(try exchange(code: code).status, 200)
    }

    func testMissingAuthenticationIsInvalidClient() throws {
        let code = try authorizationCode()
        let response = try postForm("/oauth/token", [("grant_type", "authorization_code"), ("code", code)])

        try assertOAuthError(response, status: 401, error: "invalid_client", mentioning: "No API key provided")
    }

    func testLiveKeyIsInvalidClientWithoutEchoingKey() throws {
        let key = "sk_live_0123456789abcdefWXYZ"
        let response = try postForm(
            "/oauth/token", [("grant_type", "authorization_code"), ("code", try authorizationCode())],
            headers: ["Authorization": "Bearer \(key)"]
        )

        try assertOAuthError(response, status: 401, error: "invalid_client", mentioning: "sk_live_…WXYZ")
        XCTAssertFalse(response.text.contains(key))
    }

    func testClientSecretParameterAuthenticates() throws {
        let response = try postForm("/oauth/token", [
            ("grant_type", "authorization_code"), ("code", try authorizationCode()), ("client_secret", Self.platformKey),
        ])
        XCTAssertEqual(response.status, 200)
    }

    func testUnsupportedGrantTypeIsRejected() throws {
        let response = try postForm(
            "/oauth/token", [("grant_type", "password"), ("code", try authorizationCode())],
            headers: platformHeaders()
        )
        try assertOAuthError(response, status: 400, error: "unsupported_grant_type", mentioning: "password")
    }

    func testMissingCodeIsInvalidRequest() throws {
        let response = try postForm("/oauth/token", [("grant_type", "authorization_code")], headers: platformHeaders())
        try assertOAuthError(response, status: 400, error: "invalid_request", mentioning: "code")
    }

    func testRefreshTokenIssuesNewAccessToken() throws {
        let first = try exchange(code: try authorizationCode(account: Self.harbor)).jsonObject()
        let refresh = try XCTUnwrap(first["refresh_token"] as? String)

        let response = try postForm(
            "/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", refresh)], headers: platformHeaders()
        )
        let second = try response.jsonObject()

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(second["stripe_user_id"] as? String, Self.harbor)
        XCTAssertNotEqual(second["access_token"] as? String, first["access_token"] as? String)
    }

    func testDeauthorizeRevokesAccessToken() throws {
        let token = try connect(Self.northwind)
        let response = try postForm(
            "/oauth/deauthorize", [("client_id", Self.clientID), ("stripe_user_id", Self.northwind)],
            headers: platformHeaders()
        )
        let listing = try get("/v1/webhook_endpoints", headers: ["Authorization": "Bearer \(token)"])

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try response.jsonObject()["stripe_user_id"] as? String, Self.northwind)
        XCTAssertEqual(listing.status, 401)
        XCTAssertEqual(try listing.jsonObject().string(at: "error.code"), "api_key_expired")
    }

    func testDeauthorizeSendsNoEvent() throws {
        let (receiver, _) = try connectWithReceiver(events: ["*"])
        _ = try postForm(
            "/oauth/deauthorize", [("client_id", Self.clientID), ("stripe_user_id", Self.northwind)],
            headers: platformHeaders()
        )
        let deliveries = try get("/_sim/deliveries").jsonObject()["data"] as? [Any]

        XCTAssertEqual(receiver.received.count, 0)
        XCTAssertEqual(deliveries?.count, 0)
    }

    func testDeauthorizeOfUnconnectedAccountIsInvalidClient() throws {
        let response = try postForm(
            "/oauth/deauthorize", [("client_id", Self.clientID), ("stripe_user_id", Self.harbor)],
            headers: platformHeaders()
        )
        try assertOAuthError(response, status: 401, error: "invalid_client", mentioning: Self.harbor)
    }

    func testAccountsListShowsConnection() throws {
        try connect(Self.harbor)
        let accounts = try get("/_sim/accounts").jsonObject()["data"] as? [[String: Any]] ?? []
        let connected = accounts.filter { $0["connected"] as? Bool == true }.compactMap { $0["id"] as? String }

        XCTAssertEqual(accounts.count, SimulatedAccount.merchants.count)
        XCTAssertEqual(connected, [Self.harbor])
        XCTAssertEqual(accounts.first?["displayName"] as? String, "Northwind Coffee")
    }
}
