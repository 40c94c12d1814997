/// The attribution rules a fixture can exercise, named as docs/attribution.md names them.
public enum AttributionRule: String, Sendable, Decodable, CaseIterable {
    /// The events of one payment make one conversion, in any order and with duplicates.
    case onePaymentOneConversion = "one-payment-one-conversion"
    /// Later payments of a subscription earn within the program's recurring rule.
    case recurringCommission = "recurring-commission"
    /// `customer.subscription.deleted` stops later recurring commission.
    case subscriptionEnd = "subscription-end"
    /// `charge.refunded` reverses commission in proportion.
    case refunds
    /// Percentage or fixed commission on the amount net of tax; nothing on zero amounts.
    case commissionRules = "commission-rules"
    /// The lookup of `agentref_cid`, and payments without one.
    case clickIdLookup = "click-id-lookup"
    /// Minor units per currency, totals kept per currency.
    case currencies
    /// `account.application.deauthorized` revokes the connection.
    case deauthorization
    /// Events that are acknowledged without effect, and why.
    case ignoredEvents = "ignored-events"
}
