import Foundation
import ServiceKit
import XCTest

@testable import StripeSimulator

final class FaultInjectionTests: SimulatorTestCase {
    private func startFaulty(_ specification: String) throws {
        var configuration = Self.testConfiguration()
        configuration.faults = try FaultPlan.parse(specification)
        configuration.faultSeed = 1
        try startSimulator(configuration)
    }

    func testAPIRoutesAnswerInjectedStatusInStripeShape() throws {
        try startFaulty("status503:1")

        let response = try get("/v1/webhook_endpoints", headers: platformHeaders())
        let error = try response.jsonObject()["error"] as? [String: Any]

        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(error?["type"] as? String, "api_error")
        XCTAssertTrue((error?["message"] as? String)?.contains("--faults") ?? false)
    }

    func testRateLimitFaultHasStripeShape() throws {
        try startFaulty("status429=2s:1")

        let response = try postForm(
            "/oauth/deauthorize", [("client_id", Self.clientID), ("stripe_user_id", Self.northwind)],
            headers: platformHeaders()
        )
        let error = try response.jsonObject()["error"] as? [String: Any]

        XCTAssertEqual(response.status, 429)
        XCTAssertEqual(error?["code"] as? String, "rate_limit")
        XCTAssertEqual(response.headers.first { $0.key.lowercased() == "retry-after" }?.value, "2")
    }

    func testAuthorizePagesAndControlAPINeverFail() throws {
        try startFaulty("status500:1")

        let accounts = try get("/_sim/accounts")
        let page = try get(
            "/oauth/authorize?response_type=code&client_id=\(Self.clientID)&scope=read_only&state=s1&redirect_uri="
                + FormEncoding.escape(Self.callbackURL)
        )

        XCTAssertEqual(accounts.status, 200)
        XCTAssertEqual(page.status, 200)
    }

    func testDroppedResponseStillCreatesEndpoint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sim-faults-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try startSimulator(Self.testConfiguration(dataDirectory: directory))
        try connect(Self.northwind)
        var faulty = Self.testConfiguration(dataDirectory: directory)
        faulty.faults = try FaultPlan.parse("drop:1")
        try restartSimulator(faulty)

        XCTAssertThrowsError(try createEndpoint(url: "https://example.test/hook"))
        try restartSimulator(Self.testConfiguration(dataDirectory: directory))
        let endpoints = try get("/v1/webhook_endpoints", headers: platformHeaders(account: Self.northwind))
            .jsonObject()["data"] as? [Any]

        XCTAssertEqual(endpoints?.count, 1)
    }
}
