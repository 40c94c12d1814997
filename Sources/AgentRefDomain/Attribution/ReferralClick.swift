import Foundation

/// A recorded referral click: the `cid` a checkout carries back in `agentref_cid`, and the
/// affiliate and program it credits.
public struct ReferralClick: Hashable, Sendable, Codable {
    /// The click id, `cid_` followed by hex digits.
    public var cid: String
    public var programId: String
    public var affiliateId: String
    public var createdAt: Date

    public init(cid: String, programId: String, affiliateId: String, createdAt: Date) {
        self.cid = cid
        self.programId = programId
        self.affiliateId = affiliateId
        self.createdAt = createdAt
    }
}
