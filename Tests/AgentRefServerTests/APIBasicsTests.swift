import AgentRefDomain
import Foundation
import XCTest

final class APIBasicsTests: ServerTestCase {
    func testHealthCheckNeedsNoKey() throws {
        let response = try request("GET", "/healthz", authorized: false)

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json["status"]?.stringValue, "ok")
    }

    func testMissingKeyIsUnauthorized() throws {
        let response = try request("GET", "/api/v1/programs", authorized: false)

        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.errorCode, "UNAUTHORIZED")
        XCTAssertTrue(response.errorMessage.contains("Authorization"), response.errorMessage)
    }

    func testUnknownKeyIsUnauthorizedWithoutEchoingIt() throws {
        let wrongKey = "ak_test_wrongwrongwrongwrong1234"
        let response = try request("GET", "/api/v1/me", headers: ["Authorization": "Bearer \(wrongKey)"], authorized: false)

        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.errorCode, "UNAUTHORIZED")
        XCTAssertFalse(response.text.contains(wrongKey))
    }

    func testMeDescribesTheKey() throws {
        let response = try get("/api/v1/me")

        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json.value(at: "data.keyType")?.stringValue, "merchant")
        XCTAssertEqual(response.json.value(at: "data.mode")?.stringValue, "test")
        XCTAssertEqual(response.json.value(at: "data.keyLast4")?.stringValue, String(apiKey.secret.suffix(4)))
        XCTAssertNotNil(response.json.value(at: "data.merchantId")?.stringValue)
    }

    func testRequestIdHeaderMatchesMeta() throws {
        let success = try get("/api/v1/me")
        let failure = try get("/api/v1/programs/prg_missing")

        XCTAssertEqual(success.header("X-Request-Id"), success.json.value(at: "meta.requestId")?.stringValue)
        XCTAssertEqual(failure.header("X-Request-Id"), failure.json.value(at: "meta.requestId")?.stringValue)
        XCTAssertTrue(success.header("X-Request-Id")?.hasPrefix("req_") ?? false)
    }

    func testErrorEnvelopeHasCodeMessageAndNullDetails() throws {
        let response = try get("/api/v1/programs/prg_missing")

        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.errorCode, "NOT_FOUND")
        XCTAssertEqual(response.errorMessage, "Program prg_missing not found")
        XCTAssertEqual(response.json.value(at: "error.details"), .null)
    }

    func testUnknownRouteIsNotFound() throws {
        let response = try get("/api/v1/nothing")

        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.errorCode, "NOT_FOUND")
    }

    func testWrongMethodIs405WithAllowHeader() throws {
        let response = try request("PUT", "/api/v1/programs")

        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.errorCode, "BAD_REQUEST")
        XCTAssertEqual(Set((response.header("Allow") ?? "").components(separatedBy: ", ")), ["GET", "POST"])
    }

    func testMalformedJSONSaysWhere() throws {
        let response = try request("POST", "/api/v1/programs", body: Data(#"{"name": "x",, }"#.utf8))

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.errorCode, "BAD_REQUEST")
        XCTAssertTrue(response.errorMessage.contains("character"), response.errorMessage)
    }

    func testMissingRequiredFieldIsNamed() throws {
        let response = try post("/api/v1/programs", ["name": "Shop", "commissionType": "recurring"])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "commissionPercent")
        XCTAssertTrue(response.errorMessage.contains("commissionPercent"), response.errorMessage)
    }

    func testOutOfRangePercentNamesRange() throws {
        let response = try post("/api/v1/programs", ["name": "Shop", "commissionType": "recurring", "commissionPercent": 150])

        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertTrue(response.errorMessage.contains("0 to 100"), response.errorMessage)
        XCTAssertTrue(response.errorMessage.contains("150"), response.errorMessage)
    }

    func testUnknownCommissionTypeListsChoices() throws {
        let response = try post("/api/v1/programs", ["name": "Shop", "commissionType": "weekly", "commissionPercent": 10])

        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertTrue(response.errorMessage.contains("recurring_limited"), response.errorMessage)
    }

    func testLimitedCommissionNeedsLimitMonths() throws {
        let response = try post(
            "/api/v1/programs", ["name": "Shop", "commissionType": "recurring_limited", "commissionPercent": 10]
        )

        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "commissionLimitMonths")
    }

    func testOversizedBodyIs413() throws {
        configure = { $0.maxBodyBytes = 1024 }
        try restartServer()

        let response = try request("POST", "/api/v1/programs", body: Data(repeating: 0x20, count: 4096))

        XCTAssertEqual(response.status, 413)
        XCTAssertTrue(response.text.contains("PAYLOAD_TOO_LARGE"))
    }

    func testRateLimitAnswers429WithHeaders() throws {
        configure = { $0.rateLimitPerMinute = 2 }
        try restartServer()

        let first = try get("/api/v1/me")
        try get("/api/v1/me")
        let limited = try get("/api/v1/me")

        XCTAssertEqual(first.header("X-RateLimit-Limit"), "2")
        XCTAssertEqual(first.header("X-RateLimit-Remaining"), "1")
        XCTAssertEqual(limited.status, 429)
        XCTAssertEqual(limited.errorCode, "RATE_LIMITED")
        XCTAssertNotNil(limited.header("Retry-After"))
        XCTAssertEqual(limited.header("X-RateLimit-Remaining"), "0")
        XCTAssertNotNil(limited.header("X-RateLimit-Reset"))
    }
}
