import AgentRefDomain
import AgentRefLog
import Foundation

/// Applies one stored Stripe event to the program's payments, conversions, subscriptions
/// and connection. It runs inside the webhook's transaction; the rules themselves are the
/// domain's `PaymentMatcher` and `PaymentAttributor`.
struct StripeEventProcessor {
    let context: ServerContext

    private var store: Store { context.store }

    /// The result of applying one event.
    struct Outcome {
        var outcome: StripeEventOutcome
        var detail: String
        var conversionId: String?
        var appendedFeedEntries = false
    }

    /// Applies `event`; `customer`, when given, is the payment's customer object whose
    /// metadata may hold a click id that the event's own objects lack.
    func apply(_ event: StripeEvent, program: Program, customer: JSONValue? = nil, receivedAt: Date) throws -> Outcome {
        let connection = try store.stripeConnection(programId: program.id)
        if event.knownType == .accountApplicationDeauthorized {
            return try revoke(event, connection: connection, at: receivedAt)
        }
        if let reason = ignoreReason(event, connection: connection) {
            return Outcome(outcome: .ignored, detail: reason)
        }

        if event.knownType == .customerSubscriptionDeleted {
            return try endSubscription(event, program: program)
        }
        guard var facts = StripePaymentFacts(event: event) else {
            return Outcome(outcome: .ignored, detail: "data.object of \(event.type) is not a checkout session, invoice or charge")
        }
        if let customer {
            facts.addClickIDs(fromCustomer: customer)
        }
        return try attribute(event, facts: facts, program: program, at: receivedAt)
    }

    /// Returns why the event is stored without effect, or nil when it should be applied.
    private func ignoreReason(_ event: StripeEvent, connection: StripeConnectionRecord) -> String? {
        guard connection.status == .connected else {
            return "program is \(connection.status.label) from Stripe, so its events are not applied"
        }
        if let account = event.account, let connected = connection.stripeAccountId, account != connected {
            return "event is for Stripe account \(account), but the program is connected to \(connected)"
        }
        guard let type = event.knownType, StripeEventType.subscribed.contains(type) else {
            return "event type \(event.type) is not one of the subscribed types"
        }
        if type == .checkoutSessionCompleted, event.data.object["mode"]?.stringValue == "setup" {
            return "checkout session in setup mode moves no money"
        }
        return nil
    }

    // MARK: - Deauthorization

    private func revoke(_ event: StripeEvent, connection: StripeConnectionRecord, at date: Date) throws -> Outcome {
        let account = event.account ?? connection.stripeAccountId
        guard connection.stripeAccountId != nil, account == connection.stripeAccountId else {
            return Outcome(outcome: .ignored, detail: "deauthorization of \(account ?? "an unknown account") does not concern this program")
        }
        var updated = connection
        guard (try? updated.apply(.revoke, at: date)) != nil else {
            return Outcome(outcome: .ignored, detail: "program is \(connection.status.label), so there is no access to revoke")
        }
        updated.errorMessage = "Stripe account \(account ?? "") withdrew access on \(AgentRefJSON.formatTimestamp(date))"
        try store.saveStripeConnection(updated)
        context.logger.warning("stripe access revoked", [.programID: connection.programId, .accountID: account ?? "-"])
        return Outcome(outcome: .revoked, detail: "Stripe access to \(account ?? "the account") was revoked")
    }

    // MARK: - Subscriptions

    /// Records when the subscription ended: Stripe's `ended_at`, else `canceled_at`, else the
    /// event's `created`, so that a renewal paid before the end still earns when its event
    /// arrives late.
    private func endSubscription(_ event: StripeEvent, program: Program) throws -> Outcome {
        let object = event.data.object
        guard let subscriptionId = object["id"]?.stringValue else {
            return Outcome(outcome: .ignored, detail: "subscription event without an id")
        }
        guard var subscription = try store.subscription(programId: program.id, subscriptionId: subscriptionId) else {
            return Outcome(outcome: .ignored, detail: "subscription \(subscriptionId) has no attributed first payment")
        }

        let endedAtSeconds = object["ended_at"]?.int64Value ?? object["canceled_at"]?.int64Value ?? event.created
        let endedAt = Date(timeIntervalSince1970: TimeInterval(endedAtSeconds))
        if subscription.endedAt.map({ endedAt < $0 }) ?? true {
            subscription.endedAt = endedAt
            try store.saveSubscription(subscription)
        }
        let endText = AgentRefJSON.formatTimestamp(subscription.endedAt ?? endedAt)
        return Outcome(
            outcome: .subscriptionEnded,
            detail: "subscription \(subscriptionId) ended on \(endText), "
                + "so later payments earn no recurring commission",
            conversionId: subscription.firstConversionId
        )
    }

    // MARK: - Payments

    private func attribute(_ event: StripeEvent, facts: StripePaymentFacts, program: Program, at now: Date) throws -> Outcome {
        let candidates = try store.payments(programId: program.id, sharingAnyOf: facts.references.allIds)
        let match = PaymentMatcher.match(facts, among: candidates)
        let payment = match.mergedPayment(
            with: facts, programId: program.id, newID: IdentifierGenerator.make(prefix: "pay"), at: now
        )

        let input = AttributionInput(
            eventId: event.id,
            eventType: event.type,
            eventCreated: event.created,
            facts: facts,
            payment: payment,
            isRepeatedObject: match.hasRecorded(facts),
            program: program,
            clicks: try store.clicks(ids: facts.clickIDs.map(\.value)),
            subscription: try payment.references.subscriptionId.flatMap {
                try store.subscription(programId: program.id, subscriptionId: $0)
            },
            conversion: try payment.conversionId.flatMap { try store.conversion(id: $0) },
            newConversionID: IdentifierGenerator.make(prefix: "conv"),
            now: now
        )
        let decision = PaymentAttributor.decide(input)
        try store(decision, absorbed: match.absorbed, program: program, at: now)

        return Outcome(
            outcome: decision.outcome,
            detail: decision.detail,
            conversionId: decision.conversionId,
            appendedFeedEntries: !decision.feedChanges.isEmpty
        )
    }

    private func store(_ decision: AttributionDecision, absorbed: [PaymentRecord], program: Program, at now: Date) throws {
        for record in absorbed {
            try store.deletePayment(id: record.id)
        }
        try store.savePayment(decision.payment)
        if let conversion = decision.createdConversion {
            try store.insertConversion(conversion)
            try relinkEarlierEvents(of: decision.payment, to: conversion)
        }
        if let conversion = decision.updatedConversion {
            try store.updateConversion(conversion)
        }
        if let subscription = decision.subscription {
            try store.saveSubscription(subscription)
        }
        for change in decision.feedChanges {
            _ = try store.appendFeedEntry(try enriched(change, program: program), at: now)
        }
    }

    /// Events of this payment that arrived before its click id (a `charge.succeeded` ahead
    /// of `checkout.session.completed`) were logged as unattributed; now they are linked.
    private func relinkEarlierEvents(of payment: PaymentRecord, to conversion: Conversion) throws {
        let references = payment.references
        let ids = [references.checkoutSessionId, references.paymentIntentId, references.chargeId, references.invoiceId]
            .compactMap { $0 }
        let detail = "then a later event of the same payment attributed it to conversion \(conversion.id)"
        let changed = try store.relinkUnattributedEvents(
            programId: conversion.programId, referencing: ids, conversionId: conversion.id, detail: detail
        )
        if changed > 0 {
            context.logger.info("earlier events linked", [
                .programID: conversion.programId, .conversionID: conversion.id, .count: String(changed),
            ])
        }
    }

    /// Fills the conversion's affiliate code and program name, which clients show in the feed.
    private func enriched(_ change: FeedChange, program: Program) throws -> FeedChange {
        var enriched = change
        enriched.conversion.programName = program.name
        enriched.conversion.affiliateCode = try store.affiliate(id: change.conversion.affiliateId)?.code
        return enriched
    }
}
