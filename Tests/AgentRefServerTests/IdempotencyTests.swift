import Foundation
import XCTest

final class IdempotencyTests: ServerTestCase {
    private let body: [String: Any] = ["name": "Once Only", "commissionType": "one_time", "commissionPercent": 10]

    private func createProgram(key: String, body: [String: Any]) throws -> APIResponse {
        try request("POST", "/api/v1/programs", json: body, headers: ["Idempotency-Key": key])
    }

    private func programCount(named name: String) throws -> Int {
        let programs = try get("/api/v1/programs?limit=100").json["data"]?.arrayValue ?? []
        return programs.filter { $0["name"]?.stringValue == name }.count
    }

    func testRepeatedKeyReplaysResponseWithoutSecondProgram() throws {
        let first = try createProgram(key: "idem_create_1", body: body)
        let second = try createProgram(key: "idem_create_1", body: body)

        XCTAssertEqual(first.status, 201)
        XCTAssertEqual(second.status, 201)
        XCTAssertEqual(second.body, first.body)
        XCTAssertEqual(second.header("Idempotent-Replayed"), "true")
        XCTAssertNil(first.header("Idempotent-Replayed"))
        XCTAssertEqual(try programCount(named: "Once Only"), 1)
    }

    func testKeyReusedWithOtherBodyIsConflict() throws {
        try createProgram(key: "idem_create_2", body: body)
        var changed = body
        changed["name"] = "Something Else"

        let response = try createProgram(key: "idem_create_2", body: changed)

        XCTAssertEqual(response.status, 409)
        XCTAssertEqual(response.errorCode, "CONFLICT")
        XCTAssertTrue(response.errorMessage.contains("another body"), response.errorMessage)
        XCTAssertEqual(try programCount(named: "Something Else"), 0)
    }

    func testDifferentKeysCreateTwoPrograms() throws {
        try createProgram(key: "idem_a", body: body)
        try createProgram(key: "idem_b", body: body)

        XCTAssertEqual(try programCount(named: "Once Only"), 2)
    }

    func testConcurrentRequestsWithOneKeyCreateOneProgram() throws {
        let responses = try concurrently([
            { try self.createProgram(key: "idem_race", body: self.body) },
            { try self.createProgram(key: "idem_race", body: self.body) },
            { try self.createProgram(key: "idem_race", body: self.body) },
        ])

        XCTAssertTrue(responses.allSatisfy { [201, 409].contains($0.status) }, responses.map(\.text).joined())
        XCTAssertTrue(responses.contains { $0.status == 201 })
        XCTAssertEqual(try programCount(named: "Once Only"), 1)
    }

    func testRepeatedConnectReturnsSameLink() throws {
        let programId = try createProgramWithoutKey()
        let path = "/api/v1/programs/\(programId)/connect-stripe"

        let first = try request("POST", path, json: ["method": "oauth_url"], headers: ["Idempotency-Key": "idem_connect"])
        let second = try request("POST", path, json: ["method": "oauth_url"], headers: ["Idempotency-Key": "idem_connect"])
        let detail = try stripeDetail(programId: programId)

        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(second.json.value(at: "data.authUrl"), first.json.value(at: "data.authUrl"))
        XCTAssertEqual(detail["authUrl"], first.json.value(at: "data.authUrl"))
    }

    func testKeyIsScopedToPath() throws {
        let programId = try createProgramWithoutKey()

        let connect = try request(
            "POST", "/api/v1/programs/\(programId)/connect-stripe", json: ["method": "oauth_url"],
            headers: ["Idempotency-Key": "idem_shared"]
        )
        let create = try createProgram(key: "idem_shared", body: body)

        XCTAssertEqual(connect.status, 200)
        XCTAssertEqual(create.status, 409)
    }

    func testOverlongKeyIsValidationError() throws {
        let response = try createProgram(key: String(repeating: "k", count: 256), body: body)

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "Idempotency-Key")
    }

    func testReplaySurvivesRestart() throws {
        let first = try createProgram(key: "idem_restart", body: body)
        try restartServer()

        let second = try createProgram(key: "idem_restart", body: body)

        XCTAssertEqual(second.body, first.body, second.text)
        XCTAssertEqual(try programCount(named: "Once Only"), 1)
    }

    private func createProgramWithoutKey() throws -> String {
        try super.createProgram()
    }
}

final class IdempotencyBodyOrderTests: ServerTestCase {
    func testRepeatWithKeysInOtherOrderIsReplayed() throws {
        let first = #"{"name":"Ordered","commissionType":"one_time","commissionPercent":10}"#
        let second = #"{"commissionPercent":10,"name":"Ordered","commissionType":"one_time"}"#
        let headers = ["Idempotency-Key": "idem_order", "Content-Type": "application/json"]

        let created = try request("POST", "/api/v1/programs", body: Data(first.utf8), headers: headers)
        let repeated = try request("POST", "/api/v1/programs", body: Data(second.utf8), headers: headers)

        XCTAssertEqual(created.status, 201)
        XCTAssertEqual(repeated.body, created.body, repeated.text)
        XCTAssertEqual(repeated.header("Idempotent-Replayed"), "true")
    }
}
