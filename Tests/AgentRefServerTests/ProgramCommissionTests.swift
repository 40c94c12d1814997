import AgentRefDomain
import Foundation
import XCTest

@testable import AgentRefServer

/// The fixed commission per payment, an extension field of `POST /api/v1/programs`.
final class ProgramCommissionTests: ServerTestCase {
    func testFixedAmountIsStoredAndShown() throws {
        let created = try post("/api/v1/programs", [
            "name": "Fixed", "commissionType": "recurring", "commissionFixedAmount": 500, "currency": "USD",
        ])

        XCTAssertEqual(created.status, 201, created.text)
        let id = try XCTUnwrap(created.json.value(at: "data.id")?.stringValue)
        let program = try get("/api/v1/programs/\(id)").json["data"] ?? .null
        XCTAssertEqual(program["commissionFixedAmount"]?.int64Value, 500)
        XCTAssertEqual(program["commissionPercent"]?.int64Value, 0)
    }

    func testPercentageProgramHasNoFixedAmount() throws {
        let id = try createProgram(percent: 20)

        let program = try get("/api/v1/programs/\(id)").json["data"] ?? .null

        XCTAssertNil(program["commissionFixedAmount"]?.int64Value)
        XCTAssertEqual(program["commissionPercent"]?.int64Value, 20)
    }

    func testPercentIsStillRequiredWithoutFixedAmount() throws {
        let response = try post("/api/v1/programs", ["name": "None", "commissionType": "recurring"])

        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "commissionPercent")
    }

    func testInvalidFixedAmountIsRejected() throws {
        for value: Any in [-1, 12.5, "500", 100_000_000] {
            let response = try post("/api/v1/programs", [
                "name": "Bad", "commissionType": "one_time", "commissionFixedAmount": value,
            ])

            XCTAssertEqual(response.status, 400, "\(value)")
            XCTAssertEqual(response.json.value(at: "error.details.field")?.stringValue, "commissionFixedAmount", "\(value)")
        }
    }

    func testFixedAmountEarnsThroughWebhook() throws {
        let created = try post("/api/v1/programs", [
            "name": "Fixed", "commissionType": "one_time", "commissionFixedAmount": 750, "currency": "USD",
        ])
        let programId = try XCTUnwrap(created.json.value(at: "data.id")?.stringValue)
        _ = try createAffiliate(programId: programId)
        XCTAssertEqual(try connect(programId: programId).status, 200)
        let cid = try createClick(programId: programId)
        let session = StripeEvents.checkoutSession(
            id: "cs_test_fixed", cid: cid, amount: 4900, paymentIntent: "pi_fixed", customer: "cus_fixed"
        )

        try deliver(StripeEvents.envelope("checkout.session.completed", object: session, account: "acct_1Test"), to: programId)

        let conversion = try conversions(programId: programId).first ?? .null
        XCTAssertEqual(conversion["amount"]?.int64Value, 4900)
        XCTAssertEqual(conversion["commission"]?.int64Value, 750)
    }

    func testVersionOneDatabaseGainsFixedAmountColumn() throws {
        app.stop()
        let path = dataDirectory.appendingPathComponent(SQLiteStore.fileName).path
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let database = try SQLiteDatabase(path: path)
        try SQLiteMigrator(migrations: Array(SQLiteStore.migrations.prefix(1))).migrate(database)
        try database.run(
            """
            INSERT INTO programs (id, merchant_id, name, slug, status, marketplace_status, commission_type,
                commission_percent, commission_hold_days, cookie_duration, payout_threshold, currency,
                auto_approve_affiliates, created_at, updated_at)
            VALUES ('prg_old', 'mer_local', 'Old', 'old', 'active', 'private', 'recurring', 20, 30, 30, 5000, 'USD',
                1, 0, 0)
            """
        )
        database.close()

        try startServer()
        let program = try get("/api/v1/programs/prg_old").json["data"] ?? .null

        XCTAssertEqual(program["name"]?.stringValue, "Old")
        XCTAssertNil(program["commissionFixedAmount"]?.int64Value)
    }
}
