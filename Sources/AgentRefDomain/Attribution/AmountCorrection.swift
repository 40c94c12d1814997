import Foundation

/// A conversion made from a charge's amount, corrected when the session or invoice of the
/// same payment arrives and states the tax.
///
/// A charge states no tax, so a conversion created from a charge alone is made on the
/// amount with tax. That happens when the click id comes with the charge (it is in the
/// payment intent's metadata) and Stripe sends `charge.succeeded` before
/// `checkout.session.completed`, as it usually does. Once the session or invoice arrives,
/// the amount becomes the amount net of tax, the commission is computed again, and refunds
/// already applied are reversed again in proportion to the new commission.
public struct AmountCorrection: Hashable, Sendable {
    /// The conversion with its new `amount`, `commission`, `commissionEarned`,
    /// `commissionReversed` and `amountRefunded`.
    public var conversion: Conversion
    /// The amount before the correction, in minor units.
    public var previousAmount: Int64

    /// Corrects `conversion` when `payment` now has a more precise amount than the one the
    /// conversion was made with.
    ///
    /// - Returns: nil when the amount came from a session or invoice already, or did not change.
    public static func apply(
        to conversion: Conversion,
        payment: PaymentRecord,
        program: Program,
        at now: Date
    ) -> AmountCorrection? {
        guard payment.amountSource == .checkoutSession || payment.amountSource == .invoice else { return nil }
        guard let net = payment.netAmount, net > 0, net != conversion.amount else { return nil }

        let earned = CommissionRule.of(program, forPaymentIn: conversion.currency)?.commission(on: net) ?? 0
        var corrected = conversion
        corrected.amount = net
        corrected.commission = earned
        corrected.commissionEarned = earned
        corrected.commissionReversed = 0
        corrected.amountRefunded = 0
        corrected.updatedAt = now

        let refund = RefundReversal.apply(
            to: corrected, refundedTotal: payment.amountRefunded, paymentAmount: payment.refundBase, at: now
        )
        return AmountCorrection(conversion: refund?.conversion ?? corrected, previousAmount: conversion.amount)
    }
}
