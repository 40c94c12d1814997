import AgentRefDomain

/// The body of `POST /programs`: the three required fields and the optional ones this
/// client sets. Nil fields are left out, so the server applies its defaults.
public struct ProgramDraft: Hashable, Sendable, Encodable {
    public var name: String
    public var commissionType: CommissionType
    /// Percent of each payment, for example `20`.
    public var commissionPercent: Double
    public var commissionLimitMonths: Int?
    public var commissionHoldDays: Int?
    public var cookieDuration: Int?
    /// Minimum payout in the currency's minor unit.
    public var payoutThreshold: Int?
    /// ISO 4217 code such as `USD`.
    public var currency: String?
    public var website: String?
    public var description: String?

    public init(
        name: String,
        commissionType: CommissionType,
        commissionPercent: Double,
        commissionLimitMonths: Int? = nil,
        currency: String? = nil
    ) {
        self.name = name
        self.commissionType = commissionType
        self.commissionPercent = commissionPercent
        self.commissionLimitMonths = commissionLimitMonths
        self.currency = currency
    }
}
