import AgentRefDomain

/// The result of a scenario: its events in sending order, and the ids of the objects it
/// created or changed by role (`charge`, `checkoutSession`, …).
struct ScenarioOutcome: Sendable {
    var events: [OutgoingEvent] = []
    var objects: [String: String] = [:]
}

/// Builds the Stripe objects and events of one trigger and records the objects in the
/// state, so later refunds, renewals and cancellations find them.
struct ScenarioRunner {
    /// The amount of a purchase when the trigger gives none, in minor units.
    static let defaultAmount: Int64 = 2900
    /// The name on simulated customers and their cards.
    static let customerName = "Sam Taylor"

    let request: TriggerRequest
    let account: SimulatedAccount
    /// Unix seconds, the `created` of every new object and event.
    let now: Int64

    /// Runs the scenario against `state`.
    ///
    /// - Throws: `StripeAPIError` when a target is missing, belongs to another account or
    ///   cannot take the change (a refund larger than what is left, a canceled subscription).
    func run(in state: inout SimulatorState) throws -> ScenarioOutcome {
        switch request.scenario {
        case .checkoutPayment: checkoutPayment(in: &state)
        case .checkoutSubscription: checkoutSubscription(in: &state)
        case .subscriptionRenewal: try subscriptionRenewal(in: &state)
        case .refund: try refund(in: &state)
        case .subscriptionCanceled: try subscriptionCanceled(in: &state)
        case .directCharge: directCharge(in: &state)
        }
    }

    /// Returns `{"agentref_cid": cid}` when the trigger has a click id and places it at `place`.
    func cidMetadata(_ place: CIDPlacement, default defaults: Set<CIDPlacement>) -> [String: String] {
        guard let cid = request.cid, (request.cidPlacement ?? defaults).contains(place) else { return [:] }
        return [CIDPlacement.metadataKey: cid]
    }

    var amount: Int64 { request.amount ?? Self.defaultAmount }

    var currency: String { request.currency ?? account.defaultCurrency }

    /// Returns the request's customer e-mail, or a new random address at the merchant's domain.
    func makeCustomerEmail() -> String {
        request.customerEmail ?? "buyer+\(StripeIdentifier.make("", length: 6).lowercased())@\(account.emailDomain)"
    }

    /// Creates and records a customer.
    func makeCustomer(email: String, defaults: Set<CIDPlacement>, in state: inout SimulatorState) -> JSONValue {
        let customer = CustomerObject.make(
            email: email, name: Self.customerName,
            metadata: cidMetadata(.customerMetadata, default: defaults), created: now
        )
        state.save(customer, account: account.id)
        return customer
    }

    /// The ids of one card payment: payment intent, charge and payment method.
    struct PaymentIDs {
        let paymentIntent = StripeIdentifier.make("pi_")
        let charge = StripeIdentifier.make("ch_")
        let paymentMethod = StripeIdentifier.make("pm_")
    }

    /// The purpose of a card payment and the metadata its objects carry.
    struct PaymentDetails {
        var amount: Int64
        var currency: String
        var customer: JSONValue
        var invoice: String?
        var description: String
        var paymentIntentMetadata: [String: String] = [:]
        var chargeMetadata: [String: String] = [:]
    }

    /// Creates and records the payment intent and charge of a successful card payment.
    ///
    /// - Returns: The charge.
    func makePayment(_ ids: PaymentIDs, _ details: PaymentDetails, in state: inout SimulatorState) -> JSONValue {
        let customerID = details.customer["id"]?.stringValue
        let email = details.customer["email"]?.stringValue ?? ""
        let paymentIntent = PaymentIntentObject.make(
            id: ids.paymentIntent, amount: details.amount, currency: details.currency, customer: customerID,
            invoice: details.invoice, latestCharge: ids.charge, paymentMethod: ids.paymentMethod,
            description: details.description, metadata: details.paymentIntentMetadata, created: now
        )
        let charge = ChargeObject.make(
            id: ids.charge, amount: details.amount, currency: details.currency, customer: customerID,
            email: email, name: Self.customerName, invoice: details.invoice, paymentIntent: ids.paymentIntent,
            paymentMethod: ids.paymentMethod, description: details.description,
            metadata: details.chargeMetadata, created: now
        )
        state.save(paymentIntent, account: account.id)
        state.save(charge, account: account.id)
        return charge
    }

    func event(_ type: String, _ object: JSONValue, previousAttributes: JSONValue? = nil) -> OutgoingEvent {
        OutgoingEvent(
            type: type, account: account.id, created: now, object: object, previousAttributes: previousAttributes
        )
    }
}
