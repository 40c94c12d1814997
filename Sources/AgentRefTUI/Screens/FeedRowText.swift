import AgentRefDomain

/// The texts of one live feed row.
enum FeedRowText {
    /// Formats the event column: the Stripe event that created the conversion, `↩ refund`
    /// for a refund, or the new status for other updates.
    static func event(_ entry: ConversionFeedEntry) -> String {
        let conversion = entry.conversion
        switch entry.type {
        case .created:
            return conversion.stripeEventType ?? entry.type.rawValue
        case .refunded:
            return conversion.status == .refunded ? "↩ refund (full)" : "↩ refund"
        case .updated:
            return "updated: \(conversion.status.rawValue.replacingOccurrences(of: "_", with: " "))"
        }
    }

    /// Formats the amount column: a payment's amount, a refund's returned amount as a
    /// negative number, or the conversion's amount for other updates.
    static func amount(_ entry: ConversionFeedEntry) -> String {
        let change = FeedEntryChange(entry)
        if let amount = change.amount { return amount.description }
        return money(entry.conversion.amount, entry.conversion.currency)
    }

    /// Formats the commission column: earned commission, or the reversal as a negative number.
    static func commission(_ entry: ConversionFeedEntry) -> String {
        let change = FeedEntryChange(entry)
        if let commission = change.commission { return commission.description }
        return money(entry.conversion.commission, entry.conversion.currency)
    }

    static func program(_ entry: ConversionFeedEntry, state: AppState) -> String {
        let conversion = entry.conversion
        return conversion.programName ?? state.knownPrograms[conversion.programId]?.name ?? conversion.programId
    }

    static func affiliate(_ entry: ConversionFeedEntry) -> String {
        entry.conversion.affiliateCode ?? entry.conversion.affiliateId
    }

    /// Money without a known currency is shown as minor units, so nothing is guessed.
    private static func money(_ minorUnits: Int64, _ currency: CurrencyCode?) -> String {
        guard let currency else { return "\(minorUnits) (minor units)" }
        return Money(minorUnits: minorUnits, currency: currency).description
    }
}
