import AgentRefDomain

/// The `data` of `GET /conversions/stats`, with the fields of AgentRef's v1 `ConversionStats`.
///
/// `totalRevenue` and `totalCommissions` add minor units across currencies; the
/// per-currency extensions of this project's server are the ones to display.
public struct ConversionStats: Hashable, Sendable, Codable {
    public var total: Int
    public var pending: Int
    public var approved: Int
    public var totalRevenue: Int64
    public var totalCommissions: Int64

    // Extensions of this project's server.
    public var revenueByCurrency: MoneyTotals?
    public var commissionsByCurrency: MoneyTotals?

    public init(total: Int, pending: Int, approved: Int, totalRevenue: Int64, totalCommissions: Int64) {
        self.total = total
        self.pending = pending
        self.approved = approved
        self.totalRevenue = totalRevenue
        self.totalCommissions = totalCommissions
    }
}
