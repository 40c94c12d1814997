import AgentRefDomain
import Foundation

extension SQLiteStore {
    // MARK: - Connections

    func stripeConnection(programId: String) throws -> StripeConnectionRecord {
        guard let row = try database.queryFirst("SELECT * FROM stripe_connections WHERE program_id = ?", [programId]) else {
            return .disconnected(programId: programId, at: Date())
        }
        return try readConnection(row)
    }

    func saveStripeConnection(_ connection: StripeConnectionRecord) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO stripe_connections (program_id, status, stripe_account_id, webhook_mode,
                webhook_endpoint_id, webhook_url, endpoint_secret, previous_endpoint_secret, subscribed_events,
                auth_url, auth_expires_at, authorizing_state, authorizing_account_id, authorizing_since,
                connected_at, last_event_at, last_event_type, last_event_id, error_message, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                connection.programId, connection.status.rawValue, connection.stripeAccountId,
                connection.endpointKind.rawValue, connection.webhookEndpointId, connection.webhookUrl,
                connection.endpointSecret, connection.previousEndpointSecret,
                connection.subscribedEvents.joined(separator: ","),
                connection.authUrl, connection.authExpiresAt, connection.authorizing?.state,
                connection.authorizing?.accountId, connection.authorizing?.since, connection.connectedAt,
                connection.lastEventAt, connection.lastEventType, connection.lastEventId, connection.errorMessage,
                connection.updatedAt,
            ]
        )
    }

    func programHolding(account accountId: String, excludingProgramId: String, claimedSince: Date) throws -> String? {
        try database.queryFirst(
            """
            SELECT program_id FROM stripe_connections
            WHERE program_id <> ? AND (
                (status = 'connected' AND stripe_account_id = ?)
                OR (status = 'pending' AND authorizing_account_id = ? AND authorizing_since >= ?)
            )
            """,
            [excludingProgramId, accountId, accountId, claimedSince]
        )?.string("program_id")
    }

    func programReceivingEvents(account accountId: String) throws -> String? {
        try database.queryFirst(
            """
            SELECT program_id FROM stripe_connections
            WHERE stripe_account_id = ? AND status IN ('connected', 'revoked', 'error')
            ORDER BY status = 'connected' DESC, updated_at DESC, rowid DESC
            LIMIT 1
            """,
            [accountId]
        )?.string("program_id")
    }

    func connectedStripeConnections() throws -> [StripeConnectionRecord] {
        try database.query("SELECT * FROM stripe_connections WHERE status = 'connected'").map(readConnection)
    }

    private func readConnection(_ row: SQLiteRow) throws -> StripeConnectionRecord {
        var connection = StripeConnectionRecord(
            programId: try row.string("program_id"),
            status: StripeConnectionStatus(rawValue: try row.string("status")) ?? .error,
            updatedAt: try row.date("updated_at")
        )
        connection.stripeAccountId = row.optionalString("stripe_account_id")
        connection.endpointKind = WebhookEndpointKind(rawValue: try row.string("webhook_mode")) ?? .account
        connection.webhookEndpointId = row.optionalString("webhook_endpoint_id")
        connection.webhookUrl = row.optionalString("webhook_url")
        connection.endpointSecret = row.optionalString("endpoint_secret")
        connection.previousEndpointSecret = row.optionalString("previous_endpoint_secret")
        connection.subscribedEvents = try row.string("subscribed_events").split(separator: ",").map(String.init)
        connection.authUrl = row.optionalString("auth_url")
        connection.authExpiresAt = row.optionalDate("auth_expires_at")
        connection.authorizing = readClaim(row)
        connection.connectedAt = row.optionalDate("connected_at")
        connection.lastEventAt = row.optionalDate("last_event_at")
        connection.lastEventType = row.optionalString("last_event_type")
        connection.lastEventId = row.optionalString("last_event_id")
        connection.errorMessage = row.optionalString("error_message")
        return connection
    }

    private func readClaim(_ row: SQLiteRow) -> AuthorizationClaim? {
        guard let state = row.optionalString("authorizing_state"),
            let account = row.optionalString("authorizing_account_id"),
            let since = row.optionalDate("authorizing_since")
        else { return nil }
        return AuthorizationClaim(state: state, accountId: account, since: since)
    }

    // MARK: - OAuth states

    func insertOAuthState(_ state: OAuthStateRecord) throws {
        try insert(
            "INSERT INTO oauth_states (state, program_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)",
            [state.state, state.programId, state.createdAt, state.expiresAt, state.usedAt],
            duplicateKey: "OAuth state"
        )
    }

    func oauthState(_ state: String) throws -> OAuthStateRecord? {
        guard let row = try database.queryFirst("SELECT * FROM oauth_states WHERE state = ?", [state]) else { return nil }
        return OAuthStateRecord(
            state: try row.string("state"),
            programId: try row.string("program_id"),
            createdAt: try row.date("created_at"),
            expiresAt: try row.date("expires_at"),
            usedAt: row.optionalDate("used_at")
        )
    }

    func consumeOAuthState(_ state: String, at date: Date) throws -> Bool {
        try database.transaction {
            guard let record = try oauthState(state), record.usedAt == nil else { return false }
            try invalidateOAuthStates(programId: record.programId, at: date)
            return true
        }
    }

    func invalidateOAuthStates(programId: String, at date: Date) throws {
        try database.run("UPDATE oauth_states SET used_at = ? WHERE program_id = ? AND used_at IS NULL", [date, programId])
    }

    // MARK: - Events

    func insertStripeEvent(_ event: StoredStripeEvent) throws -> Bool {
        let inserted = try database.run(
            """
            INSERT OR IGNORE INTO stripe_events (program_id, event_id, type, account, created, received_at, outcome,
                detail, conversion_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                event.programId, event.eventId, event.type, event.account, event.created, event.receivedAt,
                event.outcome.rawValue, event.detail, event.conversionId, event.payload,
            ]
        )
        return inserted == 1
    }

    func updateStripeEventOutcome(
        programId: String, eventId: String, outcome: StripeEventOutcome, detail: String, conversionId: String?
    ) throws {
        try database.run(
            "UPDATE stripe_events SET outcome = ?, detail = ?, conversion_id = ? WHERE program_id = ? AND event_id = ?",
            [outcome.rawValue, detail, conversionId, programId, eventId]
        )
    }

    func relinkUnattributedEvents(programId: String, referencing ids: [String], conversionId: String, detail: String) throws -> Int {
        guard !ids.isEmpty else { return 0 }

        // Stripe ids are long random strings, so finding one inside a payload cannot match
        // another object's id by accident.
        let matches = Array(repeating: "instr(payload, CAST(? AS BLOB)) > 0", count: ids.count).joined(separator: " OR ")
        return try database.run(
            "UPDATE stripe_events SET outcome = ?, detail = detail || '; ' || ?, conversion_id = ? "
                + "WHERE program_id = ? AND outcome = ? AND (\(matches))",
            [StripeEventOutcome.linked.rawValue, detail, conversionId, programId, StripeEventOutcome.unattributed.rawValue]
                + ids.map { $0 as SQLiteBindable }
        )
    }

    func stripeEvents(programId: String, window: ListWindow) throws -> ListSlice<StripeEventSummary> {
        try list(
            select: "SELECT e.*, e.rowid AS position FROM stripe_events e", from: "stripe_events e",
            positionColumn: "e.rowid", filter: ("e.program_id = ?", [programId]), window: window
        ) { row in
            StripeEventSummary(
                eventId: try row.string("event_id"),
                type: try row.string("type"),
                receivedAt: try row.date("received_at"),
                created: try row.int64("created"),
                outcome: StripeEventOutcome(rawValue: try row.string("outcome")) ?? .ignored,
                detail: try row.string("detail"),
                conversionId: row.optionalString("conversion_id"),
                account: row.optionalString("account")
            )
        }
    }

    func recordRejectedSignature(programId: String, reason: String, at date: Date) throws {
        try database.run(
            """
            INSERT INTO rejected_signatures (program_id, reason, count, last_at) VALUES (?, ?, 1, ?)
            ON CONFLICT (program_id, reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at
            """,
            [programId, reason, date]
        )
    }

    func lastRejectedSignatureAt(programId: String) throws -> Date? {
        try database.queryFirst(
            "SELECT MAX(last_at) AS last_at FROM rejected_signatures WHERE program_id = ?", [programId]
        )?.optionalDate("last_at")
    }

    func rejectedSignatureCounts(programId: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try database.query("SELECT reason, count FROM rejected_signatures WHERE program_id = ?", [programId]) {
            counts[try row.string("reason")] = try row.int("count")
        }
        return counts
    }
}
