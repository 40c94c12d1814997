import Foundation

/// How much commission a payment earns, and how much a refund takes back.
///
/// Every result is a whole number of minor units, rounded half away from zero, so a
/// 20 % commission on 1,999 cents is 400 cents.
public struct CommissionRule: Hashable, Sendable {
    /// Percent of the payment, for example `20` or `12.5`.
    public var percent: Decimal
    /// A fixed commission per payment in minor units; when set, it replaces the percentage.
    public var fixedMinorUnits: Int64?

    public init(percent: Decimal, fixedMinorUnits: Int64? = nil) {
        self.percent = percent
        self.fixedMinorUnits = fixedMinorUnits
    }

    public init(percent: Double, fixedMinorUnits: Int64? = nil) {
        self.init(percent: Decimal(string: String(percent)) ?? Decimal(percent), fixedMinorUnits: fixedMinorUnits)
    }

    /// Computes the commission on a payment of `amount` minor units.
    ///
    /// A payment of zero or less (a trial or a 100 % coupon) earns nothing, and a fixed
    /// commission never exceeds the payment.
    public func commission(on amount: Int64) -> Int64 {
        guard amount > 0 else { return 0 }

        if let fixedMinorUnits {
            return min(max(fixedMinorUnits, 0), amount)
        }

        let exact = Decimal(amount) * percent / 100
        return Self.roundHalfAwayFromZero(exact)
    }

    /// Computes the total commission reversed after `refunded` of `amount` was refunded,
    /// in proportion to the refunded share and never more than `earned`.
    ///
    /// - Parameters:
    ///   - earned: Commission the payment earned before any refund.
    ///   - amount: The payment's amount.
    ///   - refunded: All refunds of this payment so far, added up.
    public static func reversal(earned: Int64, amount: Int64, refunded: Int64) -> Int64 {
        guard amount > 0, refunded > 0, earned > 0 else { return 0 }
        guard refunded < amount else { return earned }

        let exact = Decimal(earned) * Decimal(refunded) / Decimal(amount)
        return min(earned, roundHalfAwayFromZero(exact))
    }

    static func roundHalfAwayFromZero(_ value: Decimal) -> Int64 {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
