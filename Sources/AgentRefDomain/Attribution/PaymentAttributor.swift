import Foundation

/// The attribution rules: turns one payment event, with the facts the server has already
/// stored, into a decision to store. It performs no I/O.
///
/// - A payment that already has a conversion is linked to it, and its refunds are applied.
///   Stripe ids learnt from the later event are filled into the conversion without a
///   feed entry, because the operator sees no change. A conversion made from a charge's
///   amount is corrected to the amount net of tax once the session or invoice states it
///   (see `AmountCorrection`), with a `conversion.updated` feed entry.
/// - A first or one-off payment is credited through the first click id that matches a
///   click of the program (see `ClickResolver`); without one it stays unattributed.
/// - A subscription's later payment is credited to the affiliate of its first payment
///   when `RecurringCommissionPolicy` allows.
/// - Commission is the program's fixed amount or percentage (see `CommissionRule.of`) on
///   the amount net of tax, and a new conversion starts `pending`. A payment of zero after
///   tax (a trial or a 100 % coupon) creates no conversion, but its affiliate is kept so
///   that the subscription's first paid renewal still earns.
public enum PaymentAttributor {
    public static func decide(_ input: AttributionInput) -> AttributionDecision {
        if let conversion = input.conversion {
            return decideForExistingConversion(input, conversion: conversion)
        }
        if input.payment.kind == .subscriptionRenewal {
            return decideForRenewal(input)
        }
        return decideForFirstPayment(input)
    }

    // MARK: - Existing conversion

    private static func decideForExistingConversion(_ input: AttributionInput, conversion: Conversion) -> AttributionDecision {
        let payment = input.payment
        var decision = AttributionDecision(
            outcome: .linked,
            detail: "same payment as conversion \(conversion.id)",
            payment: payment,
            subscription: newSubscriptionIfStart(input, payment: payment, firstConversionId: conversion.id)
        )
        var updated = conversion.fillingStripeReferences(from: payment.references)

        let correction = AmountCorrection.apply(to: updated, payment: payment, program: input.program, at: input.now)
        if let correction {
            updated = correction.conversion
            decision.detail = correctionDetail(correction)
            decision.feedChanges = [FeedChange(type: .updated, conversion: updated)]
        } else if let refund = RefundReversal.apply(
            to: updated, refundedTotal: payment.amountRefunded, paymentAmount: payment.refundBase, at: input.now
        ) {
            updated = refund.conversion
            decision.outcome = .refundApplied
            decision.detail = refundDetail(refund)
            decision.feedChanges = [refundChange(refund)]
        } else if input.facts.amountRefunded ?? 0 > 0 {
            decision.outcome = .ignored
            decision.detail = "refunds of \(input.facts.objectId) up to \(payment.amountRefunded) were already applied "
                + "to conversion \(conversion.id)"
        } else if input.isRepeatedObject {
            decision.outcome = .duplicate
            decision.detail = "\(input.facts.objectId) was already recorded for conversion \(conversion.id)"
        }

        if updated != conversion {
            decision.updatedConversion = updated
        }
        return decision
    }

    // MARK: - First or one-off payment

    private static func decideForFirstPayment(_ input: AttributionInput) -> AttributionDecision {
        var payment = input.payment
        if payment.affiliateId == nil {
            let resolution = ClickResolver.resolve(
                input.facts.clickIDs, clicks: input.clicks, program: input.program, paidAt: input.paidAt
            )
            switch resolution {
            case .attributed(let click, let candidate):
                payment.affiliateId = click.affiliateId
                payment.clickID = click.cid
                payment.attributionMethod = candidate.method
            case .unattributed(let reason):
                return AttributionDecision(outcome: .unattributed, detail: reason, payment: payment)
            }
        }
        return decideForAttributed(input, payment: payment, existingSubscription: nil)
    }

    // MARK: - Subscription renewal

    private static func decideForRenewal(_ input: AttributionInput) -> AttributionDecision {
        var payment = input.payment
        guard let subscription = input.subscription else {
            let subscriptionText = payment.references.subscriptionId ?? "(unknown)"
            let detail = "subscription \(subscriptionText) has no attributed first payment"
            return AttributionDecision(outcome: .unattributed, detail: detail, payment: payment)
        }

        payment.affiliateId = subscription.affiliateId
        payment.attributionMethod = subscription.method
        switch RecurringCommissionPolicy.evaluate(subscription, program: input.program, paidAt: input.paidAt) {
        case .ineligible(let reason):
            return AttributionDecision(outcome: .ignored, detail: reason, payment: payment)
        case .eligible:
            return decideForAttributed(input, payment: payment, existingSubscription: subscription)
        }
    }

    // MARK: - Creating the conversion

    private static func decideForAttributed(
        _ input: AttributionInput,
        payment attributed: PaymentRecord,
        existingSubscription: SubscriptionAttribution?
    ) -> AttributionDecision {
        var payment = attributed
        let affiliateId = payment.affiliateId ?? ""
        var subscription = existingSubscription ?? newSubscriptionIfStart(input, payment: payment, firstConversionId: nil)

        guard payment.isPaid else {
            let detail = "payment \(input.facts.objectId) is not paid yet; affiliate \(affiliateId) is recorded "
                + "and the conversion waits for the charge"
            return AttributionDecision(outcome: .ignored, detail: detail, payment: payment, subscription: subscription)
        }
        if let reason = implausibleAmountReason(payment) {
            return AttributionDecision(outcome: .ignored, detail: reason, payment: payment, subscription: subscription)
        }
        let amount = payment.netAmount ?? 0
        guard amount > 0 else {
            let detail = "amount after tax is \(amount), so there is no commission; affiliate \(affiliateId) is recorded"
            return AttributionDecision(outcome: .ignored, detail: detail, payment: payment, subscription: subscription)
        }

        let rule = CommissionRule.of(input.program, forPaymentIn: payment.currency)
        let commission = rule?.commission(on: amount) ?? 0
        var conversion = makeConversion(input, payment: payment, amount: amount, commission: commission)
        payment.conversionId = conversion.id
        if subscription != nil, subscription?.firstConversionId == nil {
            subscription?.firstConversionId = conversion.id
        }
        var decision = AttributionDecision(
            outcome: .conversionCreated,
            detail: createdDetail(conversion, program: input.program, hasRule: rule != nil),
            payment: payment,
            subscription: subscription,
            feedChanges: [FeedChange(type: .created, conversion: conversion)]
        )

        // A refund that arrived before the payment was attributed applies right away.
        if let refund = RefundReversal.apply(
            to: conversion, refundedTotal: payment.amountRefunded, paymentAmount: payment.refundBase, at: input.now
        ) {
            conversion = refund.conversion
            decision.feedChanges.append(refundChange(refund))
            decision.detail += "; " + refundDetail(refund)
        }
        decision.createdConversion = conversion
        return decision
    }

    /// Why a payment's money cannot be right, or nil when it can: a currency that is not
    /// ISO 4217, or an amount above Stripe's eight-digit maximum.
    private static func implausibleAmountReason(_ payment: PaymentRecord) -> String? {
        if let currency = payment.currency, !currency.isISO4217 {
            return "currency \(currency.rawValue) is not an ISO 4217 currency code, so no conversion was made; "
                + "check the event's currency field"
        }
        if let amount = payment.netAmount, amount > CurrencyCode.maxStripeAmount {
            return "amount \(amount) is above Stripe's maximum of \(CurrencyCode.maxStripeAmount) minor units, "
                + "so no conversion was made"
        }
        return nil
    }

    private static func makeConversion(
        _ input: AttributionInput,
        payment: PaymentRecord,
        amount: Int64,
        commission: Int64
    ) -> Conversion {
        var conversion = Conversion(
            id: input.newConversionID,
            affiliateId: payment.affiliateId ?? "",
            programId: input.program.id,
            amount: amount,
            commission: commission,
            status: .pending,
            method: (payment.attributionMethod ?? .cookie).rawValue,
            stripeSessionId: payment.references.checkoutSessionId,
            createdAt: input.now,
            currency: payment.currency ?? CurrencyCode(input.program.currency)
        )
        conversion.amountRefunded = 0
        conversion.commissionReversed = 0
        conversion.commissionEarned = commission
        conversion.stripeEventType = input.eventType
        conversion.stripeEventId = input.eventId
        conversion.updatedAt = input.now
        return conversion.fillingStripeReferences(from: payment.references)
    }

    /// Makes the attribution of the subscription whose first payment this is, when none is stored yet.
    private static func newSubscriptionIfStart(
        _ input: AttributionInput,
        payment: PaymentRecord,
        firstConversionId: String?
    ) -> SubscriptionAttribution? {
        guard input.subscription == nil, payment.kind == .subscriptionStart else { return nil }
        guard let subscriptionId = payment.references.subscriptionId, let affiliateId = payment.affiliateId else {
            return nil
        }
        return SubscriptionAttribution(
            subscriptionId: subscriptionId,
            programId: input.program.id,
            affiliateId: affiliateId,
            method: payment.attributionMethod ?? .cookie,
            firstConversionId: firstConversionId,
            startedAt: payment.stripeCreatedAt ?? input.paidAt
        )
    }

    // MARK: - Messages

    private static func refundChange(_ refund: RefundReversal) -> FeedChange {
        FeedChange(
            type: .refunded,
            conversion: refund.conversion,
            refundAmount: refund.refundAmount,
            commissionReversal: refund.commissionReversal
        )
    }

    private static func createdDetail(_ conversion: Conversion, program: Program, hasRule: Bool) -> String {
        let detail = "conversion \(conversion.id) for affiliate \(conversion.affiliateId): "
            + "amount \(format(conversion.amount, conversion)), commission \(format(conversion.commission, conversion))"
        guard !hasRule else { return detail }

        let currency = conversion.currency?.rawValue ?? "another currency"
        return detail + "; the fixed commission of program \(program.id) is in \(program.currency), "
            + "so a payment in \(currency) earns none"
    }

    private static func correctionDetail(_ correction: AmountCorrection) -> String {
        let conversion = correction.conversion
        return "amount of conversion \(conversion.id) corrected from \(format(correction.previousAmount, conversion)) "
            + "to \(format(conversion.amount, conversion)) net of tax, "
            + "commission now \(format(conversion.commission, conversion))"
    }

    private static func refundDetail(_ refund: RefundReversal) -> String {
        let conversion = refund.conversion
        return "refund of \(format(refund.refundAmount, conversion)) reversed \(format(refund.commissionReversal, conversion)) "
            + "of commission on conversion \(conversion.id) (now \(conversion.status.rawValue))"
    }

    private static func format(_ minorUnits: Int64, _ conversion: Conversion) -> String {
        guard let currency = conversion.currency else { return "\(minorUnits)" }
        return Money(minorUnits: minorUnits, currency: currency).description
    }
}
