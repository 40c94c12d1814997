import Foundation

/// An ISO 4217 currency code such as `USD`, stored upper-case.
///
/// The exponent is the number of digits after the decimal point in the currency's minor
/// unit, as Stripe uses it: 0 for zero-decimal currencies (JPY, KRW, …), 3 for
/// three-decimal ones (KWD, BHD, …) and 2 for the rest.
public struct CurrencyCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Creates a code from three ASCII letters in any case; returns nil for anything else.
    public init?(_ text: String) {
        let upper = text.uppercased()
        let isThreeLetters = upper.count == 3 && upper.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        guard isThreeLetters else { return nil }
        rawValue = upper
    }

    public var description: String { rawValue }

    /// True for the codes of ISO 4217 currencies in use, as Foundation lists them; false for
    /// three letters such as `XYZ` or `ZZZ` that name no currency.
    public var isISO4217: Bool {
        Self.isoCodes.contains(rawValue)
    }

    private static let isoCodes = Set(Locale.commonISOCurrencyCodes.map { $0.uppercased() })

    /// The largest amount Stripe accepts in one charge: eight digits of minor units.
    public static let maxStripeAmount: Int64 = 99_999_999

    /// Digits after the decimal point in one major unit.
    public var exponent: Int {
        if Self.zeroDecimal.contains(rawValue) { return 0 }
        if Self.threeDecimal.contains(rawValue) { return 3 }
        return 2
    }

    /// Currencies Stripe charges in whole units (Stripe's "zero-decimal currencies" list).
    static let zeroDecimal: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF",
        "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]

    /// Currencies with three digits after the decimal point (Stripe's "three-decimal currencies").
    static let threeDecimal: Set<String> = ["BHD", "JOD", "KWD", "OMR", "TND"]

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = CurrencyCode(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "invalid currency code \"\(text)\": expected three letters such as USD"
            )
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let usd = CurrencyCode("USD")!
    public static let eur = CurrencyCode("EUR")!
    public static let jpy = CurrencyCode("JPY")!
}
