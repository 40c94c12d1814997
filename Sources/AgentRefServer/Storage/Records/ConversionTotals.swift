import AgentRefDomain
import Foundation

/// Sums over a set of conversions, per status and per currency.
struct ConversionTotals: Hashable, Sendable {
    var count = 0
    var countsByStatus: [ConversionStatus: Int] = [:]
    /// Payment amounts before refunds.
    var revenue = MoneyTotals()
    /// Current commission after reversals.
    var commissions = MoneyTotals()
    /// Commission of conversions still `pending`, across currencies.
    var pendingCommissions: Int64 = 0
    /// Conversions created at or after the `since` date of the query.
    var countSince = 0

    /// Amounts added across currencies, as AgentRef's own fields report them.
    var revenueAcrossCurrencies: Int64 { revenue.amounts.values.reduce(0, +) }
    var commissionsAcrossCurrencies: Int64 { commissions.amounts.values.reduce(0, +) }
}

/// Filter of a conversion list; nil fields match everything.
struct ConversionFilter: Hashable, Sendable {
    var programId: String?
    var affiliateId: String?
    var status: ConversionStatus?
}
