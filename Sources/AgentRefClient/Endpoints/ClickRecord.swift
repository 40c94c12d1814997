import Foundation

/// The `data` of `POST /clicks`: a recorded referral click and its click id.
public struct ClickRecord: Hashable, Sendable, Codable {
    /// `cid_…`, the value a checkout puts in `agentref_cid` metadata or `client_reference_id`.
    public var cid: String
    public var affiliateId: String?
    public var programId: String?
    public var createdAt: Date?

    public init(cid: String, affiliateId: String? = nil, programId: String? = nil, createdAt: Date? = nil) {
        self.cid = cid
        self.affiliateId = affiliateId
        self.programId = programId
        self.createdAt = createdAt
    }
}
