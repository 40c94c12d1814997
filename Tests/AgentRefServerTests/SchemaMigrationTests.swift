import AgentRefLog
import Foundation
import XCTest

@testable import AgentRefServer

final class SchemaMigrationTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    /// Writes a version 1 database whose program has a pending cleanup in the old columns.
    private func writeVersionOneDatabase() throws {
        let database = try SQLiteDatabase(path: directory.appendingPathComponent(SQLiteStore.fileName).path)
        try SQLiteMigrator(migrations: [SQLiteStore.migrations[0]]).migrate(database)
        try database.execute("""
            INSERT INTO programs (id, merchant_id, name, slug, status, marketplace_status, commission_type,
                commission_percent, commission_hold_days, cookie_duration, payout_threshold, currency,
                auto_approve_affiliates, created_at, updated_at)
            VALUES ('prg_old', 'mer_local', 'Old', 'old', 'active', 'private', 'one_time', 10, 30, 30, 5000, 'USD',
                1, 1780000000000, 1780000000000);
            INSERT INTO stripe_connections (program_id, status, webhook_endpoint_id, endpoint_secret, cleanup_pending,
                cleanup_account_id, cleanup_endpoint_id, updated_at)
            VALUES ('prg_old', 'disconnected', 'we_old', 'whsec_old', 1, 'acct_1Old', 'we_old', 1780000000000);
            """)
        database.close()
    }

    func testPendingCleanupMovesToItsOwnTable() throws {
        try writeVersionOneDatabase()

        let store = try SQLiteStore(dataDirectory: directory, logger: .silent)
        defer { store.close() }
        let cleanups = try store.stripeCleanups(programId: "prg_old")
        let connection = try store.stripeConnection(programId: "prg_old")

        XCTAssertEqual(try store.database.userVersion(), SQLiteStore.migrations.count)
        XCTAssertEqual(cleanups.map(\.accountId), ["acct_1Old"])
        XCTAssertEqual(cleanups.map(\.endpointId), ["we_old"])
        XCTAssertEqual(cleanups.map(\.state), [.pending])
        XCTAssertEqual(connection.status, .disconnected)
        XCTAssertEqual(connection.webhookEndpointId, "we_old")
        XCTAssertEqual(connection.endpointSecret, "whsec_old")
    }

    func testVersionThreeConnectionsStayInAccountMode() throws {
        try writeVersionOneDatabase()
        let database = try SQLiteDatabase(path: directory.appendingPathComponent(SQLiteStore.fileName).path)
        try SQLiteMigrator(migrations: Array(SQLiteStore.migrations.prefix(3))).migrate(database)
        try database.execute("""
            UPDATE stripe_connections SET status = 'connected', stripe_account_id = 'acct_1Old'
            WHERE program_id = 'prg_old';
            """)
        database.close()

        let store = try SQLiteStore(dataDirectory: directory, logger: .silent)
        defer { store.close() }
        let connection = try store.stripeConnection(programId: "prg_old")

        XCTAssertEqual(connection.endpointKind, .account)
        XCTAssertEqual(connection.reusableAccountEndpoint?.id, "we_old")
        XCTAssertEqual(try store.programReceivingEvents(account: "acct_1Old"), "prg_old")
        XCTAssertNil(try store.platformEndpoint())
        XCTAssertEqual(try store.platformRejectedSignatureCounts(), [:])
        XCTAssertEqual(try store.unroutedStripeEventCount(), 0)
    }
}
