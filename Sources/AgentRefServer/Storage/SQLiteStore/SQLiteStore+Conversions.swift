import AgentRefDomain
import Foundation

extension SQLiteStore {
    private static let conversionSelect = """
        SELECT c.*, c.rowid AS position, a.code AS affiliate_code, p.name AS program_name
        FROM conversions c
        LEFT JOIN affiliates a ON a.id = c.affiliate_id
        LEFT JOIN programs p ON p.id = c.program_id
        """

    func insertConversion(_ conversion: Conversion) throws {
        try insert(
            """
            INSERT INTO conversions (id, program_id, affiliate_id, amount, commission, commission_earned,
                commission_reversed, amount_refunded, status, method, currency, stripe_session_id, stripe_event_type,
                stripe_event_id, stripe_payment_intent_id, stripe_charge_id, stripe_invoice_id, stripe_subscription_id,
                stripe_customer_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            conversionParameters(conversion),
            duplicateKey: "conversion \(conversion.id)"
        )
    }

    func updateConversion(_ conversion: Conversion) throws {
        var parameters = Array(conversionParameters(conversion).dropFirst())
        parameters.append(conversion.id)
        try database.run(
            """
            UPDATE conversions SET program_id = ?, affiliate_id = ?, amount = ?, commission = ?, commission_earned = ?,
                commission_reversed = ?, amount_refunded = ?, status = ?, method = ?, currency = ?,
                stripe_session_id = ?, stripe_event_type = ?, stripe_event_id = ?, stripe_payment_intent_id = ?,
                stripe_charge_id = ?, stripe_invoice_id = ?, stripe_subscription_id = ?, stripe_customer_id = ?,
                created_at = ?, updated_at = ?
            WHERE id = ?
            """,
            parameters
        )
    }

    private func conversionParameters(_ conversion: Conversion) -> [SQLiteBindable] {
        [
            conversion.id, conversion.programId, conversion.affiliateId, conversion.amount, conversion.commission,
            conversion.commissionEarned ?? conversion.commission, conversion.commissionReversed ?? 0,
            conversion.amountRefunded ?? 0, conversion.status.rawValue, conversion.method,
            conversion.currency?.rawValue, conversion.stripeSessionId, conversion.stripeEventType,
            conversion.stripeEventId, conversion.stripePaymentIntentId, conversion.stripeChargeId,
            conversion.stripeInvoiceId, conversion.stripeSubscriptionId, conversion.stripeCustomerId,
            conversion.createdAt, conversion.updatedAt ?? conversion.createdAt,
        ]
    }

    func conversion(id: String) throws -> Conversion? {
        try database.queryFirst("\(Self.conversionSelect) WHERE c.id = ?", [id]).map(readConversion)
    }

    func conversionsPastHold(at date: Date, limit: Int) throws -> [Conversion] {
        try database.query(
            "\(Self.conversionSelect) WHERE c.status = ? AND c.created_at + p.commission_hold_days * 86400000 <= ? "
                + "ORDER BY c.created_at LIMIT ?",
            [ConversionStatus.pending.rawValue, date, limit]
        ).map(readConversion)
    }

    func conversions(_ filter: ConversionFilter, window: ListWindow) throws -> ListSlice<Conversion> {
        var conditions: [String] = []
        var parameters: [SQLiteBindable] = []
        if let programId = filter.programId {
            conditions.append("c.program_id = ?")
            parameters.append(programId)
        }
        if let affiliateId = filter.affiliateId {
            conditions.append("c.affiliate_id = ?")
            parameters.append(affiliateId)
        }
        if let status = filter.status {
            conditions.append("c.status = ?")
            parameters.append(status.rawValue)
        }

        return try list(
            select: Self.conversionSelect, from: "conversions c", positionColumn: "c.rowid",
            filter: (conditions.joined(separator: " AND "), parameters), window: window, read: readConversion
        )
    }

    func conversionTotals(programId: String?, since: Date) throws -> ConversionTotals {
        let condition = programId == nil ? "1 = 1" : "program_id = ?"
        let parameters: [SQLiteBindable] = programId.map { [since, $0] } ?? [since]
        let rows = try database.query(
            """
            SELECT status, currency, COUNT(*) AS n, SUM(amount) AS revenue, SUM(commission) AS commission,
                SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END) AS n_since
            FROM conversions WHERE \(condition) GROUP BY status, currency
            """,
            parameters
        )

        var totals = ConversionTotals()
        for row in rows {
            let count = try row.int("n")
            let status = ConversionStatus(rawValue: try row.string("status")) ?? .pending
            totals.count += count
            totals.countSince += try row.int("n_since")
            totals.countsByStatus[status, default: 0] += count
            let commission = try row.int64("commission")
            if status == .pending { totals.pendingCommissions += commission }

            guard let currency = row.optionalString("currency").flatMap(CurrencyCode.init) else { continue }
            totals.revenue.add(Money(minorUnits: try row.int64("revenue"), currency: currency))
            totals.commissions.add(Money(minorUnits: commission, currency: currency))
        }
        return totals
    }

    private func readConversion(_ row: SQLiteRow) throws -> Conversion {
        var conversion = Conversion(
            id: try row.string("id"),
            affiliateId: try row.string("affiliate_id"),
            programId: try row.string("program_id"),
            amount: try row.int64("amount"),
            commission: try row.int64("commission"),
            status: ConversionStatus(rawValue: try row.string("status")) ?? .pending,
            method: try row.string("method"),
            stripeSessionId: row.optionalString("stripe_session_id"),
            createdAt: try row.date("created_at"),
            currency: row.optionalString("currency").flatMap(CurrencyCode.init)
        )
        conversion.amountRefunded = try row.int64("amount_refunded")
        conversion.commissionReversed = try row.int64("commission_reversed")
        conversion.commissionEarned = try row.int64("commission_earned")
        conversion.affiliateCode = row.optionalString("affiliate_code")
        conversion.programName = row.optionalString("program_name")
        conversion.stripeEventType = row.optionalString("stripe_event_type")
        conversion.stripeEventId = row.optionalString("stripe_event_id")
        conversion.stripePaymentIntentId = row.optionalString("stripe_payment_intent_id")
        conversion.stripeChargeId = row.optionalString("stripe_charge_id")
        conversion.stripeInvoiceId = row.optionalString("stripe_invoice_id")
        conversion.stripeSubscriptionId = row.optionalString("stripe_subscription_id")
        conversion.stripeCustomerId = row.optionalString("stripe_customer_id")
        conversion.updatedAt = row.optionalDate("updated_at")
        return conversion
    }

    // MARK: - Feed

    func appendFeedEntry(_ change: FeedChange, at date: Date) throws -> ConversionFeedEntry {
        try database.transaction {
            try database.run(
                """
                INSERT INTO conversion_feed (program_id, conversion_id, type, occurred_at, snapshot, refund_amount,
                    commission_reversal)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    change.conversion.programId, change.conversion.id, change.type.rawValue, date,
                    try encodeJSON(change.conversion), change.refundAmount, change.commissionReversal,
                ]
            )
            return ConversionFeedEntry(
                sequence: database.lastInsertRowID,
                type: change.type,
                occurredAt: date,
                conversion: change.conversion,
                refundAmount: change.refundAmount,
                commissionReversal: change.commissionReversal
            )
        }
    }

    func feedEntries(after sequence: Int64, programId: String?, limit: Int) throws -> [ConversionFeedEntry] {
        let programCondition = programId == nil ? "" : "AND program_id = ?"
        let parameters: [SQLiteBindable] = [sequence] + (programId.map { [$0] } ?? []) + [limit]
        return try database.query(
            "SELECT * FROM conversion_feed WHERE sequence > ? \(programCondition) ORDER BY sequence LIMIT ?", parameters
        ).map(readFeedEntry)
    }

    func latestFeedEntries(count: Int, programId: String?) throws -> [ConversionFeedEntry] {
        guard count > 0 else { return [] }
        let programCondition = programId == nil ? "" : "WHERE program_id = ?"
        let parameters: [SQLiteBindable] = (programId.map { [$0] } ?? []) + [count]
        let newestFirst = try database.query(
            "SELECT * FROM conversion_feed \(programCondition) ORDER BY sequence DESC LIMIT ?", parameters
        )
        return try newestFirst.reversed().map(readFeedEntry)
    }

    func feedEntryCount(after sequence: Int64, programId: String?) throws -> Int {
        let programCondition = programId == nil ? "" : "AND program_id = ?"
        let parameters: [SQLiteBindable] = [sequence] + (programId.map { [$0] } ?? [])
        return try database.queryFirst(
            "SELECT COUNT(*) AS n FROM conversion_feed WHERE sequence > ? \(programCondition)", parameters
        )?.int("n") ?? 0
    }

    private func readFeedEntry(_ row: SQLiteRow) throws -> ConversionFeedEntry {
        ConversionFeedEntry(
            sequence: try row.int64("sequence"),
            type: FeedEntryType(rawValue: try row.string("type")) ?? .updated,
            occurredAt: try row.date("occurred_at"),
            conversion: try decodeJSON(Conversion.self, from: try row.string("snapshot")),
            refundAmount: row.optionalInt64("refund_amount"),
            commissionReversal: row.optionalInt64("commission_reversal")
        )
    }
}
