import Foundation

/// A POST made with an `Idempotency-Key`, and its response once the handler has finished.
struct IdempotencyRecord: Hashable, Sendable {
    /// Keyed hash of the API key, so one key's requests never replay another key's responses.
    var keyFingerprint: String
    var idempotencyKey: String
    var method: String
    var path: String
    /// Keyed hash of the request body.
    var bodyFingerprint: String
    /// Nil while the first request is still being handled.
    var response: StoredResponse?
    var createdAt: Date

    struct StoredResponse: Hashable, Sendable {
        var status: Int
        var contentType: String
        var body: Data
    }

    /// How long a key is remembered, as Stripe does: 24 hours.
    static let lifetime: TimeInterval = 24 * 3600
    /// Seconds after which a request that never finished no longer blocks its key.
    static let inProgressLifetime: TimeInterval = 60
}
