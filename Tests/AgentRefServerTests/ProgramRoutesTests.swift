import AgentRefDomain
import Foundation
import XCTest

final class ProgramRoutesTests: ServerTestCase {
    func testCreatedProgramHasDefaultsAndIsFetched() throws {
        let id = try createProgram(name: "Shop Ünïcode 🍜", commissionType: "one_time", percent: 12.5, currency: "eur")

        let program = try get("/api/v1/programs/\(id)").json["data"] ?? .null

        XCTAssertEqual(program["name"]?.stringValue, "Shop Ünïcode 🍜")
        XCTAssertEqual(program["commissionType"]?.stringValue, "one_time")
        XCTAssertEqual(program["commissionPercent"], .number(12.5))
        XCTAssertEqual(program["currency"]?.stringValue, "EUR")
        XCTAssertEqual(program["status"]?.stringValue, "active")
        XCTAssertEqual(program["readiness"]?.stringValue, "setup")
        XCTAssertEqual(program["stripeStatus"]?.stringValue, "disconnected")
        XCTAssertEqual(program["cookieDuration"]?.int64Value, 30)
        XCTAssertNotNil(program["createdAt"]?.stringValue)
    }

    func testProgramListCarriesExtensionFields() throws {
        _ = try createProgram()

        let program = try get("/api/v1/programs").json.value(at: "data")?.arrayValue?.first ?? .null

        XCTAssertEqual(program["conversionsToday"]?.int64Value, 0)
        XCTAssertNotNil(program["revenue"]?.objectValue)
        XCTAssertNil(program["readiness"])
    }

    func testAffiliateIsCreatedAndListed() throws {
        let programId = try createProgram()
        let affiliateId = try createAffiliate(programId: programId, code: "jane20")

        let list = try get("/api/v1/programs/\(programId)/affiliates")
        let affiliate = list.json["data"]?.arrayValue?.first ?? .null

        XCTAssertEqual(affiliate["id"]?.stringValue, affiliateId)
        XCTAssertEqual(affiliate["code"]?.stringValue, "jane20")
        XCTAssertEqual(affiliate["status"]?.stringValue, "approved")
        XCTAssertEqual(affiliate["totalClicks"]?.int64Value, 0)
        XCTAssertEqual(list.json.value(at: "meta.total")?.int64Value, 1)
    }

    func testDuplicateAffiliateCodeIsConflict() throws {
        let programId = try createProgram()
        _ = try createAffiliate(programId: programId, code: "jane20")

        let response = try post("/api/v1/programs/\(programId)/affiliates", ["code": "jane20"])

        XCTAssertEqual(response.status, 409)
        XCTAssertEqual(response.errorCode, "CONFLICT")
        XCTAssertTrue(response.errorMessage.contains("jane20"), response.errorMessage)
    }

    func testInvalidAffiliateCodeIsRejected() throws {
        let programId = try createProgram()

        let response = try post("/api/v1/programs/\(programId)/affiliates", ["code": "jane 20!"])

        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "code")
    }

    func testClickReturnsCidAndCountsForAffiliate() throws {
        let programId = try createProgram()
        let affiliateId = try createAffiliate(programId: programId)

        let response = try post("/api/v1/clicks", ["programId": programId, "affiliateCode": "jane20"])
        let affiliates = try get("/api/v1/programs/\(programId)/affiliates").json["data"]?.arrayValue ?? []

        XCTAssertEqual(response.status, 201)
        XCTAssertTrue(response.json.value(at: "data.cid")?.stringValue?.hasPrefix("cid_") ?? false)
        XCTAssertEqual(response.json.value(at: "data.affiliateId")?.stringValue, affiliateId)
        XCTAssertEqual(response.json.value(at: "data.programId")?.stringValue, programId)
        XCTAssertNotNil(response.json.value(at: "data.createdAt")?.stringValue)
        XCTAssertEqual(affiliates.first?["totalClicks"]?.int64Value, 1)
    }

    func testClickUnknownTargetsNotFound() throws {
        let programId = try createProgram()

        let unknownProgram = try post("/api/v1/clicks", ["programId": "prg_nope", "affiliateCode": "jane20"])
        let unknownCode = try post("/api/v1/clicks", ["programId": programId, "affiliateCode": "nobody"])

        XCTAssertEqual(unknownProgram.status, 404)
        XCTAssertTrue(unknownProgram.errorMessage.contains("prg_nope"))
        XCTAssertEqual(unknownCode.status, 404)
        XCTAssertTrue(unknownCode.errorMessage.contains("nobody"))
    }

    func testStatsOfNewProgramAreZero() throws {
        let programId = try createProgram()

        let stats = try get("/api/v1/programs/\(programId)/stats").json["data"] ?? .null

        XCTAssertEqual(stats["programId"]?.stringValue, programId)
        XCTAssertEqual(stats["totalConversions"]?.int64Value, 0)
        XCTAssertEqual(stats["totalRevenue"]?.int64Value, 0)
        XCTAssertEqual(stats["unattributedPayments"]?.int64Value, 0)
    }

    func testConversionFilterRejectsUnknownStatus() throws {
        let response = try get("/api/v1/conversions?status=paid")

        XCTAssertEqual(response.errorCode, "VALIDATION_ERROR")
        XCTAssertTrue(response.errorMessage.contains("partially_refunded"), response.errorMessage)
    }
}

final class HostileTextStorageTests: ServerTestCase {
    func testNameWithNulAndEscapesIsStoredWhole() throws {
        let name = "Nul\u{0}After \u{1B}[31mred\u{1B}[0m \u{202E}txt 🇯🇵"
        let id = try createProgram(name: name)

        let stored = try get("/api/v1/programs/\(id)").json.value(at: "data.name")?.stringValue

        XCTAssertEqual(stored, name)
    }
}
