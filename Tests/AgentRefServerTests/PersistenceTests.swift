import AgentRefDomain
import Foundation
import XCTest

final class PersistenceTests: ServerTestCase {
    func testDataSurvivesRestart() throws {
        let (programId, cid) = try makeConnectedProgram(account: "acct_1Test")
        let event = StripeEvents.envelope("checkout.session.completed", object: StripeEvents.checkoutSession(
            id: "cs_test_keep", cid: cid, amount: 2500, paymentIntent: "pi_keep", customer: "cus_keep"
        ), account: "acct_1Test")
        try deliver(event, to: programId)

        try restartServer()
        let duplicate = try deliver(event, to: programId)

        XCTAssertEqual(try get("/api/v1/programs/\(programId)").json.value(at: "data.name")?.stringValue, "Test Program")
        XCTAssertEqual(try stripeDetail(programId: programId)["status"]?.stringValue, "connected")
        XCTAssertEqual(try conversions(programId: programId).count, 1)
        XCTAssertEqual(try conversions(programId: programId).first?["amount"]?.int64Value, 2500)
        XCTAssertEqual(duplicate.status, 200)
        XCTAssertEqual(duplicate.json["duplicate"]?.boolValue, true)
        XCTAssertEqual(try get("/api/v1/conversions/events").json["data"]?.arrayValue?.count, 1)
    }

    func testStoreFileIsInDataDirectory() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("agentref.sqlite").path))
    }

    func testDemoDataIsSeededOnceWithHostileText() throws {
        configure = { $0.seedDemoData = true }
        try restartServer()
        try restartServer()

        let programs = try get("/api/v1/programs?limit=100").json["data"]?.arrayValue ?? []
        let names = programs.compactMap { $0["name"]?.stringValue }
        let currencies = Set(programs.compactMap { $0["currency"]?.stringValue })
        var affiliateNames: [String] = []
        for program in programs {
            let id = program["id"]?.stringValue ?? ""
            let affiliates = try get("/api/v1/programs/\(id)/affiliates").json["data"]?.arrayValue ?? []
            XCTAssertTrue((4...6).contains(affiliates.count), "program \(id) has \(affiliates.count) affiliates")
            affiliateNames += affiliates.compactMap { $0["name"]?.stringValue }
        }

        XCTAssertEqual(programs.count, 4)
        XCTAssertEqual(currencies, ["USD", "EUR", "JPY", "KWD"])
        XCTAssertTrue(programs.allSatisfy { $0["stripeStatus"]?.stringValue == "disconnected" })
        XCTAssertEqual(Set(programs.compactMap { $0["commissionType"]?.stringValue }).count, 3)
        XCTAssertTrue(names.contains { $0.contains("🍜") })
        XCTAssertTrue(names.contains { $0.contains("東京") })
        XCTAssertTrue(affiliateNames.contains { $0.contains("\u{1B}[") })
        XCTAssertTrue(affiliateNames.contains { $0.contains("\u{07}") })
    }

    func testGeneratedProgramsArePagedAndSeededOnce() throws {
        configure = { $0.generatedProgramCount = 120 }
        try restartServer()
        try restartServer()

        let first = try get("/api/v1/programs?limit=50")
        let names = first.json["data"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        XCTAssertEqual(first.json.value(at: "meta.total")?.int64Value, 120)
        XCTAssertEqual(first.json.value(at: "meta.hasMore")?.boolValue, true)
        XCTAssertEqual(names.count, 50)
        XCTAssertEqual(names.first, "Generated Program 120", "newest first")
        XCTAssertEqual(Set(names).count, 50)
    }
}

final class StoreFilePermissionTests: ServerTestCase {
    func testDatabaseFileIsReadableByOwnerOnly() throws {
        let path = dataDirectory.appendingPathComponent("agentref.sqlite").path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1

        XCTAssertEqual(mode & 0o077, 0, "mode is \(String(mode, radix: 8))")
    }
}
