import Foundation

/// A code issued by the authorize page and exchanged once at `POST /oauth/token`.
struct AuthorizationCode: Codable, Hashable, Sendable {
    /// How long a code can be exchanged after it was issued, in seconds.
    static let lifetime: TimeInterval = 5 * 60

    /// `ac_…`.
    var code: String
    var account: String
    var clientID: String
    var scope: String
    var redirectURI: String
    var createdAt: Date
    /// When the code was exchanged; a used code is rejected.
    var usedAt: Date?

    func isExpired(at now: Date) -> Bool {
        now.timeIntervalSince(createdAt) > Self.lifetime
    }
}
