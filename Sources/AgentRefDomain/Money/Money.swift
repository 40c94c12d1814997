import Foundation

/// An amount of money as an integer count of the currency's minor unit (cents for USD,
/// yen for JPY, fils for KWD), the way Stripe and AgentRef record amounts.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Formats the amount with its currency code, for example `USD 1,234.56`, `JPY 1,200`
    /// or `KWD -0.250`.
    public var description: String {
        "\(currency.rawValue) \(Self.formatMajorUnits(minorUnits, exponent: currency.exponent))"
    }

    /// Formats minor units as a decimal number with thousands separators and exactly
    /// `exponent` fraction digits.
    public static func formatMajorUnits(_ minorUnits: Int64, exponent: Int) -> String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let divisor = UInt64(pow(10.0, Double(exponent)))
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        let grouped = groupThousands(String(whole))

        guard exponent > 0 else { return sign + grouped }

        let fractionText = String(fraction)
        let padding = String(repeating: "0", count: exponent - fractionText.count)
        return sign + grouped + "." + padding + fractionText
    }

    private static func groupThousands(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: ",")
    }
}
