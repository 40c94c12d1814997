import AgentRefDomain

/// The state the AgentRef server must reach after a fixture's steps.
public struct FixtureExpectation: Sendable, Decodable {
    /// The program's conversions in the order they were created.
    public var conversions: [ExpectedConversion]
    /// Payments that credit no affiliate (`unattributedPayments` of the connection detail).
    public var unattributedPayments: Int
    /// Payment amounts per currency before refunds, in minor units (the program's `revenue`).
    public var revenue: [String: Int64]
    /// Current commission per currency after reversals (the program's `commissionTotal`).
    public var commission: [String: Int64]
    public var connectionStatus: StripeConnectionStatus
    /// Feed entry types in order, such as `conversion.created`.
    public var feed: [FeedEntryType]
}

/// One conversion a fixture expects. Fields left out of the file are not compared.
public struct ExpectedConversion: Sendable, Decodable, Hashable {
    /// The affiliate's code.
    public var affiliate: String
    public var amount: Int64
    public var commission: Int64
    public var status: ConversionStatus
    public var amountRefunded: Int64
    public var commissionReversed: Int64
    public var currency: String
    /// `cookie` or `metadata`.
    public var method: String?
    public var stripeSessionId: String?
    public var stripePaymentIntentId: String?
    public var stripeChargeId: String?
    public var stripeInvoiceId: String?
    public var stripeSubscriptionId: String?
    public var stripeCustomerId: String?
}
