import Foundation

extension SQLiteStore {
    /// Newest unrouted events kept; older ones are deleted as new ones arrive.
    static let unroutedEventCapacity = 1000

    // MARK: - Platform endpoint

    func platformEndpoint() throws -> PlatformEndpointRecord? {
        guard let row = try database.queryFirst("SELECT * FROM stripe_platform_endpoint WHERE slot = 1") else {
            return nil
        }
        return PlatformEndpointRecord(
            id: try row.string("endpoint_id"),
            url: try row.string("url"),
            secret: try row.string("secret"),
            previousSecret: row.optionalString("previous_secret"),
            updatedAt: try row.date("updated_at")
        )
    }

    func savePlatformEndpoint(_ endpoint: PlatformEndpointRecord) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO stripe_platform_endpoint
                (slot, endpoint_id, url, secret, previous_secret, updated_at)
            VALUES (1, ?, ?, ?, ?, ?)
            """,
            [endpoint.id, endpoint.url, endpoint.secret, endpoint.previousSecret, endpoint.updatedAt]
        )
    }

    // MARK: - Rejected signatures

    func recordPlatformRejectedSignature(reason: String, at date: Date) throws {
        try database.run(
            """
            INSERT INTO platform_rejected_signatures (reason, count, last_at) VALUES (?, 1, ?)
            ON CONFLICT (reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at
            """,
            [reason, date]
        )
    }

    func platformRejectedSignatureCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try database.query("SELECT reason, count FROM platform_rejected_signatures") {
            counts[try row.string("reason")] = try row.int("count")
        }
        return counts
    }

    func lastPlatformRejectedSignatureAt() throws -> Date? {
        try database.queryFirst("SELECT MAX(last_at) AS last_at FROM platform_rejected_signatures")?
            .optionalDate("last_at")
    }

    // MARK: - Unrouted events

    func insertUnroutedStripeEvent(_ event: UnroutedStripeEvent) throws -> Bool {
        try database.transaction {
            let inserted = try database.run(
                """
                INSERT OR IGNORE INTO unrouted_stripe_events (event_id, type, account, created, received_at, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [event.eventId, event.type, event.account, event.created, event.receivedAt, event.detail]
            )
            try database.run(
                """
                DELETE FROM unrouted_stripe_events
                WHERE rowid <= (SELECT MAX(rowid) FROM unrouted_stripe_events) - ?
                """,
                [Self.unroutedEventCapacity]
            )
            return inserted == 1
        }
    }

    func unroutedStripeEvents(limit: Int) throws -> [UnroutedStripeEvent] {
        try database.query("SELECT * FROM unrouted_stripe_events ORDER BY rowid DESC LIMIT ?", [limit]).map { row in
            UnroutedStripeEvent(
                eventId: try row.string("event_id"),
                type: try row.string("type"),
                account: row.optionalString("account"),
                created: try row.int64("created"),
                receivedAt: try row.date("received_at"),
                detail: try row.string("detail")
            )
        }
    }

    func unroutedStripeEventCount() throws -> Int {
        try database.queryFirst("SELECT COUNT(*) AS n FROM unrouted_stripe_events")?.int("n") ?? 0
    }
}
