import Foundation

/// Running sums kept per currency. Amounts in different currencies are never added
/// together, because no exchange rate applies to affiliate commissions.
public struct MoneyTotals: Hashable, Sendable, Codable {
    /// Minor units per currency.
    public private(set) var amounts: [CurrencyCode: Int64]

    public init(_ amounts: [CurrencyCode: Int64] = [:]) {
        self.amounts = amounts
    }

    public mutating func add(_ money: Money) {
        amounts[money.currency, default: 0] += money.minorUnits
    }

    public subscript(currency: CurrencyCode) -> Money {
        Money(minorUnits: amounts[currency] ?? 0, currency: currency)
    }

    /// The totals as money values, sorted by currency code.
    public var sorted: [Money] {
        amounts.keys.sorted().map { self[$0] }
    }

    public var isEmpty: Bool { amounts.isEmpty }

    /// Formats every currency, for example `USD 120.00 · EUR 30.00`, or `—` when empty.
    public var description: String {
        isEmpty ? "—" : sorted.map(\.description).joined(separator: " · ")
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Int64].self)
        var amounts: [CurrencyCode: Int64] = [:]
        for (text, value) in raw {
            guard let code = CurrencyCode(text) else { continue }
            amounts[code, default: 0] += value
        }
        self.amounts = amounts
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let raw = Dictionary(uniqueKeysWithValues: amounts.map { ($0.key.rawValue, $0.value) })
        try container.encode(raw)
    }
}
