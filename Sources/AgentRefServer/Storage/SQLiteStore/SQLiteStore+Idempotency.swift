import Foundation

extension SQLiteStore {
    func insertIdempotencyRecord(_ record: IdempotencyRecord) throws -> Bool {
        let inserted = try database.run(
            """
            INSERT OR IGNORE INTO idempotency_keys (key_fingerprint, idempotency_key, method, path, body_fingerprint,
                status, content_type, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                record.keyFingerprint, record.idempotencyKey, record.method, record.path, record.bodyFingerprint,
                record.response?.status, record.response?.contentType, record.response?.body, record.createdAt,
            ]
        )
        return inserted == 1
    }

    func idempotencyRecord(keyFingerprint: String, idempotencyKey: String) throws -> IdempotencyRecord? {
        let row = try database.queryFirst(
            "SELECT * FROM idempotency_keys WHERE key_fingerprint = ? AND idempotency_key = ?",
            [keyFingerprint, idempotencyKey]
        )
        guard let row else { return nil }

        var response: IdempotencyRecord.StoredResponse?
        if let status = row.optionalInt("status") {
            let body: Data
            if case .blob(let data) = row["body"] { body = data } else { body = Data() }
            response = .init(status: status, contentType: row.optionalString("content_type") ?? "", body: body)
        }
        return IdempotencyRecord(
            keyFingerprint: try row.string("key_fingerprint"),
            idempotencyKey: try row.string("idempotency_key"),
            method: try row.string("method"),
            path: try row.string("path"),
            bodyFingerprint: try row.string("body_fingerprint"),
            response: response,
            createdAt: try row.date("created_at")
        )
    }

    func saveIdempotencyResponse(
        keyFingerprint: String, idempotencyKey: String, response: IdempotencyRecord.StoredResponse
    ) throws {
        try database.run(
            """
            UPDATE idempotency_keys SET status = ?, content_type = ?, body = ?
            WHERE key_fingerprint = ? AND idempotency_key = ?
            """,
            [response.status, response.contentType, response.body, keyFingerprint, idempotencyKey]
        )
    }

    func deleteIdempotencyRecord(keyFingerprint: String, idempotencyKey: String) throws {
        try database.run(
            "DELETE FROM idempotency_keys WHERE key_fingerprint = ? AND idempotency_key = ?",
            [keyFingerprint, idempotencyKey]
        )
    }

    func deleteIdempotencyRecords(createdBefore date: Date) throws {
        try database.run("DELETE FROM idempotency_keys WHERE created_at < ?", [date])
    }
}
