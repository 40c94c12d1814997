import Foundation

/// Totals for one program, with the fields of AgentRef's v1 `ProgramStats`.
///
/// AgentRef's own fields add amounts across currencies; the per-currency extension
/// fields are the ones to display when a program sells in more than one currency.
public struct ProgramStats: Hashable, Sendable, Codable {
    public var programId: String
    public var programName: String
    public var status: String
    /// Sum of conversion amounts in minor units, across currencies.
    public var totalRevenue: Int64
    public var totalConversions: Int
    public var totalCommissions: Int64
    public var pendingCommissions: Int64
    public var activeAffiliates: Int
    public var conversionsByStatus: [String: Int]

    // Extensions of this project's server.
    public var revenueByCurrency: MoneyTotals?
    public var commissionsByCurrency: MoneyTotals?
    public var conversionsToday: Int?
    public var unattributedPayments: Int?

    public init(
        programId: String,
        programName: String,
        status: String,
        totalRevenue: Int64 = 0,
        totalConversions: Int = 0,
        totalCommissions: Int64 = 0,
        pendingCommissions: Int64 = 0,
        activeAffiliates: Int = 0,
        conversionsByStatus: [String: Int] = [:]
    ) {
        self.programId = programId
        self.programName = programName
        self.status = status
        self.totalRevenue = totalRevenue
        self.totalConversions = totalConversions
        self.totalCommissions = totalCommissions
        self.pendingCommissions = pendingCommissions
        self.activeAffiliates = activeAffiliates
        self.conversionsByStatus = conversionsByStatus
    }
}
