import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Honours `Idempotency-Key` on POST requests, as Stripe does. The first request with a key
/// runs, and its response is stored for 24 hours. A repeat with the same key, method, path
/// and body gets the stored response (with `Idempotent-Replayed: true`) and changes
/// nothing. Keys are scoped to the API key.
///
/// A response with status 500 or more is not stored, so a retry runs the request again. A
/// repeat that arrives while the first request is still running gets 409 CONFLICT, and so
/// does a key reused for another method, path or body.
struct IdempotencyGuard: Sendable {
    let store: Store
    let clock: ServerClock
    let logger: Logger

    static let header = "Idempotency-Key"
    /// Longest accepted key, as Stripe's limit.
    static let maxKeyLength = 255
    private static let fingerprintKey = Data("agentref-idempotency".utf8)

    /// Runs `handler` once per key and returns its response, or the stored one.
    ///
    /// - Throws: `APIError` VALIDATION_ERROR for an empty or too long key, CONFLICT for a key
    ///   in use by a running request or by a different request.
    func respond(
        to request: HTTPRequest,
        apiKey: APIKey,
        idempotencyKey rawKey: String,
        handler: () -> HTTPResponse
    ) throws -> HTTPResponse {
        let key = try Self.validated(rawKey)
        let now = clock.now()
        let record = IdempotencyRecord(
            keyFingerprint: Self.fingerprint(Data(apiKey.secret.utf8)),
            idempotencyKey: key,
            method: request.method,
            path: request.path,
            bodyFingerprint: Self.fingerprint(Self.canonicalBody(request.body)),
            response: nil,
            createdAt: now
        )

        try store.deleteIdempotencyRecords(createdBefore: now.addingTimeInterval(-IdempotencyRecord.lifetime))
        if try !claim(record, at: now) {
            return try replay(record, request: request)
        }
        return try run(record, request: request, handler: handler)
    }

    /// Inserts the record; replaces one whose request never finished. Returns false when
    /// another record uses the key.
    private func claim(_ record: IdempotencyRecord, at now: Date) throws -> Bool {
        try store.transaction {
            if try store.insertIdempotencyRecord(record) { return true }

            let existing = try store.idempotencyRecord(
                keyFingerprint: record.keyFingerprint, idempotencyKey: record.idempotencyKey
            )
            guard let existing, existing.response == nil,
                now.timeIntervalSince(existing.createdAt) > IdempotencyRecord.inProgressLifetime
            else { return false }

            try store.deleteIdempotencyRecord(keyFingerprint: record.keyFingerprint, idempotencyKey: record.idempotencyKey)
            return try store.insertIdempotencyRecord(record)
        }
    }

    private func run(_ record: IdempotencyRecord, request: HTTPRequest, handler: () -> HTTPResponse) throws
        -> HTTPResponse
    {
        let response = handler()
        guard response.status < 500, case .data(let body) = response.body else {
            try store.deleteIdempotencyRecord(keyFingerprint: record.keyFingerprint, idempotencyKey: record.idempotencyKey)
            return response
        }

        let stored = IdempotencyRecord.StoredResponse(
            status: response.status, contentType: response.header("Content-Type") ?? "application/json", body: body
        )
        try store.saveIdempotencyResponse(
            keyFingerprint: record.keyFingerprint, idempotencyKey: record.idempotencyKey, response: stored
        )
        return response
    }

    private func replay(_ record: IdempotencyRecord, request: HTTPRequest) throws -> HTTPResponse {
        let existing = try store.idempotencyRecord(
            keyFingerprint: record.keyFingerprint, idempotencyKey: record.idempotencyKey
        )
        guard let existing else {
            throw Self.conflict("a request with Idempotency-Key \(record.idempotencyKey) just finished; send it again")
        }
        guard existing.method == record.method, existing.path == record.path,
            existing.bodyFingerprint == record.bodyFingerprint
        else {
            throw Self.conflict(
                "Idempotency-Key \(record.idempotencyKey) was first used for \(existing.method) \(existing.path) "
                    + "with another body; use a new key for a new request"
            )
        }
        guard let stored = existing.response else {
            throw Self.conflict(
                "a request with Idempotency-Key \(record.idempotencyKey) is still running; retry after it finishes"
            )
        }

        logger.info("idempotent request replayed", [
            .requestID: request.requestID, .method: request.method, .path: request.path, .status: String(stored.status),
        ])
        return HTTPResponse(
            status: stored.status,
            headers: [("Content-Type", stored.contentType), ("Idempotent-Replayed", "true")],
            body: stored.body
        )
    }

    private static func validated(_ key: String) throws -> String {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maxKeyLength else {
            throw APIError.validation(
                "Idempotency-Key must be 1 to \(maxKeyLength) characters, got \(trimmed.count)", field: header
            )
        }
        return trimmed
    }

    private static func conflict(_ message: String) -> APIError {
        APIError.conflict(message, details: .object(["field": .string(header)]))
    }

    /// Re-encodes a JSON body with sorted keys, so a repeat whose keys come in another order
    /// counts as the same request; any other body stays as it is.
    private static func canonicalBody(_ body: Data) -> Data {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return body }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)) ?? body
    }

    /// Computes a keyed SHA-256 of `data`, so the store keeps neither API keys nor bodies.
    private static func fingerprint(_ data: Data) -> String {
        HMACSHA256.authenticationCode(key: fingerprintKey, message: data).map { String(format: "%02x", $0) }.joined()
    }
}
