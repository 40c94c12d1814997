import AgentRefDomain
import Foundation

/// Runs events through the attribution rules the way the server does (match, merge,
/// decide, store), keeping what a server would store in memory.
final class AttributionHarness {
    var program: Program
    var clicks: [String: ReferralClick] = [:]
    private(set) var payments: [String: PaymentRecord] = [:]
    private(set) var conversions: [String: Conversion] = [:]
    private(set) var subscriptions: [String: SubscriptionAttribution] = [:]
    private(set) var feed: [FeedChange] = []
    private var counter = 0
    var now = Date(timeIntervalSince1970: TimeInterval(StripeObjectFactory.created))

    init(program: Program) {
        self.program = program
    }

    static func makeProgram(
        commissionType: CommissionType = .recurring,
        percent: Double = 20,
        limitMonths: Int? = nil,
        fixedAmount: Int64? = nil
    ) -> Program {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        var program = Program(
            id: "prg_1", merchantId: "mer_1", name: "Test", slug: "test",
            commissionType: commissionType, commissionPercent: percent, commissionLimitMonths: limitMonths,
            createdAt: date, updatedAt: date
        )
        program.commissionFixedAmount = fixedAmount
        return program
    }

    func addClick(_ cid: String = "cid_1", affiliate: String = "aff_1", program: String = "prg_1", at date: Date? = nil) {
        let createdAt = date ?? Date(timeIntervalSince1970: TimeInterval(StripeObjectFactory.created - 60))
        clicks[cid] = ReferralClick(cid: cid, programId: program, affiliateId: affiliate, createdAt: createdAt)
    }

    /// Applies `event`; `customer` stands for the customer object the server fetches from Stripe.
    @discardableResult
    func receive(_ event: StripeEvent, customer: JSONValue? = nil) -> AttributionDecision {
        guard var facts = StripePaymentFacts(event: event) else { fatalError("not a payment event: \(event.type)") }
        if let customer { facts.addClickIDs(fromCustomer: customer) }
        let candidates = payments.values.filter { record in
            !Set(record.references.allIds).isDisjoint(with: facts.references.allIds)
        }
        let match = PaymentMatcher.match(facts, among: Array(candidates))
        counter += 1
        let payment = match.mergedPayment(with: facts, programId: program.id, newID: "pay_\(counter)", at: now)
        let input = AttributionInput(
            eventId: event.id,
            eventType: event.type,
            eventCreated: event.created,
            facts: facts,
            payment: payment,
            isRepeatedObject: match.hasRecorded(facts),
            program: program,
            clicks: clicks,
            subscription: payment.references.subscriptionId.flatMap { subscriptions[$0] },
            conversion: payment.conversionId.flatMap { conversions[$0] },
            newConversionID: "conv_\(counter)",
            now: now
        )
        let decision = PaymentAttributor.decide(input)
        store(decision, absorbed: match.absorbed)
        return decision
    }

    /// Ends the subscription at `endedAt` (Unix seconds), or at the harness's `now`.
    func endSubscription(_ id: String, at endedAt: Int64? = nil) {
        subscriptions[id]?.endedAt = endedAt.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
    }

    private func store(_ decision: AttributionDecision, absorbed: [PaymentRecord]) {
        absorbed.forEach { payments[$0.id] = nil }
        payments[decision.payment.id] = decision.payment
        if let conversion = decision.createdConversion { conversions[conversion.id] = conversion }
        if let conversion = decision.updatedConversion { conversions[conversion.id] = conversion }
        if let subscription = decision.subscription { subscriptions[subscription.subscriptionId] = subscription }
        feed.append(contentsOf: decision.feedChanges)
    }

    var unattributedPaymentCount: Int {
        payments.values.filter { $0.affiliateId == nil }.count
    }
}
