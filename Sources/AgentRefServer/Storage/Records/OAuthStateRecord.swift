import Foundation

/// An OAuth `state` issued for one program's Stripe authorization. It can be used once,
/// and only before `expiresAt`.
struct OAuthStateRecord: Hashable, Sendable {
    var state: String
    var programId: String
    var createdAt: Date
    var expiresAt: Date
    /// When the state was consumed by a callback or invalidated by a disconnect.
    var usedAt: Date?

    /// How long an issued state stays valid.
    static let lifetime: TimeInterval = 600
}
