import AgentRefDomain

/// The change in money one feed entry makes. A payment adds its amount and commission, a
/// refund takes back the refunded amount and the reversed commission, and other updates
/// (a status moving to approved) change neither.
struct FeedEntryChange: Hashable, Sendable {
    /// Signed change of revenue; nil when the entry has no currency or changes nothing.
    var amount: Money?
    /// Signed change of commission; nil when the entry has no currency or changes nothing.
    var commission: Money?
    var isReversal: Bool

    init(_ entry: ConversionFeedEntry) {
        let conversion = entry.conversion
        isReversal = entry.type == .refunded
        guard let currency = conversion.currency else { return }

        switch entry.type {
        case .created:
            amount = Money(minorUnits: conversion.amount, currency: currency)
            commission = Money(minorUnits: conversion.commissionEarned ?? conversion.commission, currency: currency)
        case .refunded:
            amount = Money(minorUnits: -(entry.refundAmount ?? 0), currency: currency)
            commission = Money(minorUnits: -(entry.commissionReversal ?? 0), currency: currency)
        case .updated:
            break
        }
    }
}
