import Foundation

extension SQLiteStore {
    func insertStripeCleanup(_ cleanup: StripeCleanupRecord) throws {
        try insert(
            """
            INSERT INTO stripe_cleanups (id, program_id, account_id, endpoint_id, state, attempts, message, created_at,
                updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                cleanup.id, cleanup.programId, cleanup.accountId, cleanup.endpointId, cleanup.state.rawValue,
                cleanup.attempts, cleanup.message, cleanup.createdAt, cleanup.updatedAt,
            ],
            duplicateKey: "Stripe cleanup \(cleanup.id)"
        )
    }

    func updateStripeCleanup(_ cleanup: StripeCleanupRecord) throws {
        try database.run(
            """
            UPDATE stripe_cleanups SET endpoint_id = ?, state = ?, attempts = ?, message = ?, updated_at = ?
            WHERE id = ?
            """,
            [
                cleanup.endpointId, cleanup.state.rawValue, cleanup.attempts, cleanup.message, cleanup.updatedAt,
                cleanup.id,
            ]
        )
    }

    func deleteStripeCleanup(id: String) throws {
        try database.run("DELETE FROM stripe_cleanups WHERE id = ?", [id])
    }

    func stripeCleanup(id: String) throws -> StripeCleanupRecord? {
        try database.queryFirst("SELECT * FROM stripe_cleanups WHERE id = ?", [id]).map(readCleanup)
    }

    func stripeCleanups(programId: String) throws -> [StripeCleanupRecord] {
        try database.query(
            "SELECT * FROM stripe_cleanups WHERE program_id = ? ORDER BY updated_at DESC, rowid DESC", [programId]
        ).map(readCleanup)
    }

    func pendingStripeCleanups() throws -> [StripeCleanupRecord] {
        try database.query("SELECT * FROM stripe_cleanups WHERE state = 'pending' ORDER BY rowid").map(readCleanup)
    }

    func takeOverStripeCleanups(programId: String, accountId: String) throws -> [StripeCleanupRecord] {
        try database.transaction {
            let taken = try database.query(
                "SELECT * FROM stripe_cleanups WHERE program_id = ? AND account_id = ?", [programId, accountId]
            ).map(readCleanup)
            try database.run(
                "DELETE FROM stripe_cleanups WHERE program_id = ? AND account_id = ?", [programId, accountId]
            )
            return taken
        }
    }

    private func readCleanup(_ row: SQLiteRow) throws -> StripeCleanupRecord {
        StripeCleanupRecord(
            id: try row.string("id"),
            programId: try row.string("program_id"),
            accountId: try row.string("account_id"),
            endpointId: row.optionalString("endpoint_id"),
            state: StripeCleanupRecord.State(rawValue: try row.string("state")) ?? .pending,
            attempts: try row.int("attempts"),
            message: row.optionalString("message"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
    }
}
