import Foundation

/// A conversion after a refund, and what that refund changed.
///
/// Stripe's `amount_refunded` is the total of all refunds of a charge, so the reversal is
/// recomputed from that total each time. Several partial refunds add up, a repeated or
/// older event changes nothing, and the reversal never exceeds the commission earned.
public struct RefundReversal: Hashable, Sendable {
    /// The conversion with its new `commission`, `amountRefunded`, `commissionReversed` and status.
    public var conversion: Conversion
    /// The part of the conversion's amount this refund returned, in minor units.
    public var refundAmount: Int64
    /// The commission this refund took back, in minor units.
    public var commissionReversal: Int64

    /// Applies the refunds of a payment to its conversion.
    ///
    /// `amountRefunded` is reported as the refunded share of the conversion's amount, so
    /// when the conversion's amount excludes tax, a full refund refunds exactly that amount.
    ///
    /// - Parameters:
    ///   - refundedTotal: All refunds so far, in the charge's minor units.
    ///   - paymentAmount: The charge's amount; refunds are a share of it.
    ///   - now: Stored as the conversion's `updatedAt`.
    /// - Returns: nil when the refunds are already applied, or there is nothing to refund.
    public static func apply(
        to conversion: Conversion,
        refundedTotal: Int64,
        paymentAmount: Int64?,
        at now: Date
    ) -> RefundReversal? {
        let base = paymentAmount ?? conversion.amount
        guard refundedTotal > 0, base > 0 else { return nil }

        let refunded = min(refundedTotal, base)
        let previousReversal = conversion.commissionReversed ?? 0
        let previousRefund = conversion.amountRefunded ?? 0
        let earned = conversion.commissionEarned ?? (conversion.commission + previousReversal)

        let reversal = max(previousReversal, CommissionRule.reversal(earned: earned, amount: base, refunded: refunded))
        let refundShare = max(previousRefund, share(of: conversion.amount, refunded: refunded, base: base))
        guard reversal > previousReversal || refundShare > previousRefund else { return nil }

        var updated = conversion
        updated.commissionEarned = earned
        updated.commissionReversed = reversal
        updated.commission = earned - reversal
        updated.amountRefunded = refundShare
        updated.updatedAt = now
        if updated.status != .rejected {
            updated.status = refunded >= base ? .refunded : .partiallyRefunded
        }
        return RefundReversal(
            conversion: updated,
            refundAmount: refundShare - previousRefund,
            commissionReversal: reversal - previousReversal
        )
    }

    private static func share(of amount: Int64, refunded: Int64, base: Int64) -> Int64 {
        guard refunded < base else { return amount }
        let exact = Decimal(amount) * Decimal(refunded) / Decimal(base)
        return min(amount, CommissionRule.roundHalfAwayFromZero(exact))
    }
}
