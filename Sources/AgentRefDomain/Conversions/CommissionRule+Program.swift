extension CommissionRule {
    /// Returns the rule `program` applies to a payment in `currency`: its fixed amount when it
    /// has one, else its percentage.
    ///
    /// A fixed amount is in minor units of the program's currency, and no exchange rate is
    /// known, so it cannot apply to a payment in another currency: the result is then nil.
    /// A percentage applies in every currency. A payment without a currency is taken to be
    /// in the program's currency.
    public static func of(_ program: Program, forPaymentIn currency: CurrencyCode?) -> CommissionRule? {
        let percent = CommissionRule(percent: program.commissionPercent)
        guard let fixed = program.commissionFixedAmount else { return percent }

        let programCurrency = CurrencyCode(program.currency)
        if let currency, let programCurrency, currency != programCurrency { return nil }
        return CommissionRule(percent: percent.percent, fixedMinorUnits: fixed)
    }
}
