import Foundation

/// An affiliate program, with the fields of AgentRef's v1 `Program` object.
///
/// The fields after `updatedAt` are extensions that only this project's server sends; a
/// client talking to the hosted service sees them as nil.
public struct Program: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var merchantId: String
    public var name: String
    public var description: String?
    public var slug: String
    public var website: String?
    public var landingPageUrl: String?
    public var portalSlug: String?
    /// `active`, `paused` or `archived`.
    public var status: String
    /// `private`, `draft` or `public`.
    public var marketplaceStatus: String
    public var commissionType: CommissionType
    /// Percent of the payment's amount, for example `20` for 20 %.
    public var commissionPercent: Double
    public var commissionLimitMonths: Int?
    public var commissionHoldDays: Int
    /// Days a referral click stays valid.
    public var cookieDuration: Int
    /// Minimum payout in the program currency's minor unit.
    public var payoutThreshold: Int
    public var currency: String
    public var autoApproveAffiliates: Bool
    public var stripeAccountId: String?
    public var stripeConnectedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    /// Sent by `GET /programs/{id}` only.
    public var readiness: ProgramReadiness?

    // Extensions of this project's server.

    /// State of the Stripe connection, so the list can show it without one request per program.
    public var stripeStatus: StripeConnectionStatus?
    /// Conversions created since midnight UTC.
    public var conversionsToday: Int?
    /// Payment amounts of all conversions, per currency, before refunds.
    public var revenue: MoneyTotals?
    /// Current commission of all conversions, per currency, after reversals.
    public var commissionTotal: MoneyTotals?
    /// A fixed commission per payment in minor units of `currency`. When set, it replaces
    /// `commissionPercent`. Nil means the program pays a percentage.
    public var commissionFixedAmount: Int64?

    public init(
        id: String,
        merchantId: String,
        name: String,
        slug: String,
        status: String = "active",
        commissionType: CommissionType = .recurring,
        commissionPercent: Double = 20,
        commissionLimitMonths: Int? = nil,
        commissionHoldDays: Int = 30,
        cookieDuration: Int = 30,
        payoutThreshold: Int = 5000,
        currency: String = "USD",
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.merchantId = merchantId
        self.name = name
        self.slug = slug
        self.status = status
        self.marketplaceStatus = "private"
        self.commissionType = commissionType
        self.commissionPercent = commissionPercent
        self.commissionLimitMonths = commissionLimitMonths
        self.commissionHoldDays = commissionHoldDays
        self.cookieDuration = cookieDuration
        self.payoutThreshold = payoutThreshold
        self.currency = currency
        self.autoApproveAffiliates = true
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The Stripe state to show: the server's extension field when present, else what the
    /// hosted service's fields imply.
    public var effectiveStripeStatus: StripeConnectionStatus {
        if let stripeStatus { return stripeStatus }
        return stripeAccountId == nil ? .disconnected : .connected
    }
}
