/// A Stripe account the simulator serves: the merchants an operator can connect, and the
/// platform that owns the OAuth application.
public struct SimulatedAccount: Hashable, Sendable {
    /// Stripe account id, `acct_…`.
    public let id: String
    public let displayName: String
    /// Lower-case ISO 4217 code, as Stripe writes currencies.
    public let defaultCurrency: String
    /// Domain for the simulated customers' e-mail addresses.
    public let emailDomain: String

    /// The merchant accounts listed on the authorize page; the first one is preselected,
    /// so submitting the page unchanged always connects the same account.
    public static let merchants: [SimulatedAccount] = [
        SimulatedAccount(
            id: "acct_1SimNorthwind01", displayName: "Northwind Coffee",
            defaultCurrency: "usd", emailDomain: "northwind.example"
        ),
        SimulatedAccount(
            id: "acct_1SimHarborYoga1", displayName: "Harbor Yoga",
            defaultCurrency: "eur", emailDomain: "harboryoga.example"
        ),
        SimulatedAccount(
            id: "acct_1SimLanternPub1", displayName: "Lantern Books",
            defaultCurrency: "jpy", emailDomain: "lanternbooks.example"
        ),
    ]

    /// The platform's own account, used for requests made with a platform secret key and
    /// no `Stripe-Account` header. It starts with no webhook endpoints.
    public static let platform = SimulatedAccount(
        id: "acct_1SimPlatform0001", displayName: "AgentRef platform (simulated)",
        defaultCurrency: "usd", emailDomain: "platform.example"
    )

    /// Returns the merchant with `id`, or nil for an unknown id.
    public static func merchant(id: String) -> SimulatedAccount? {
        merchants.first { $0.id == id }
    }

    /// Returns the merchant or platform account with `id`, or nil for an unknown id.
    static func known(id: String) -> SimulatedAccount? {
        id == platform.id ? platform : merchant(id: id)
    }
}
