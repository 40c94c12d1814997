import Foundation

/// The tokens one successful authorization gave an OAuth application for one account.
struct OAuthGrant: Codable, Hashable, Sendable {
    /// `sk_test_…`; usable as an API key that acts on `account`.
    var accessToken: String
    /// `rt_…`.
    var refreshToken: String
    /// `pk_test_…`.
    var publishableKey: String
    var account: String
    var clientID: String
    var scope: String
    var createdAt: Date
    /// When the platform deauthorized the account or the account revoked access; a revoked
    /// grant's tokens are rejected.
    var revokedAt: Date?
    /// `deauthorized` or `revoked_by_account`.
    var revocationReason: String?

    var isActive: Bool { revokedAt == nil }
}
