import Foundation

/// An affiliate enrolled in one program, with the fields of AgentRef's v1 `Affiliate`.
public struct Affiliate: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var userId: String
    public var programId: String
    /// Referral code used in links, for example `jane20`.
    public var code: String
    /// `approved`, `pending` or `blocked`.
    public var status: String
    public var totalClicks: Int
    public var totalConversions: Int
    /// Earned commission in the program currency's minor unit.
    public var totalEarnings: Int64
    public var createdAt: Date

    // Extensions of this project's server.

    /// Display name, when the affiliate gave one.
    public var name: String?
    public var email: String?

    public init(
        id: String,
        userId: String,
        programId: String,
        code: String,
        status: String = "approved",
        totalClicks: Int = 0,
        totalConversions: Int = 0,
        totalEarnings: Int64 = 0,
        createdAt: Date,
        name: String? = nil,
        email: String? = nil
    ) {
        self.id = id
        self.userId = userId
        self.programId = programId
        self.code = code
        self.status = status
        self.totalClicks = totalClicks
        self.totalConversions = totalConversions
        self.totalEarnings = totalEarnings
        self.createdAt = createdAt
        self.name = name
        self.email = email
    }
}
