import AgentRefDomain

extension ScenarioRunner {
    /// Simulates a card payment made with the PaymentIntents API and no Checkout session.
    /// Such an integration puts the click id in the payment intent's metadata, which Stripe
    /// copies to the charge. Only `charge.succeeded` is sent.
    func directCharge(in state: inout SimulatorState) -> ScenarioOutcome {
        let defaults = CIDPlacement.directChargeDefault
        let customer = makeCustomer(email: makeCustomerEmail(), defaults: defaults, in: &state)
        let ids = PaymentIDs()
        let charge = makePayment(ids, PaymentDetails(
            amount: amount, currency: currency, customer: customer, invoice: nil, description: "Direct charge",
            paymentIntentMetadata: cidMetadata(.paymentIntentMetadata, default: defaults),
            chargeMetadata: cidMetadata(.chargeMetadata, default: defaults)
        ), in: &state)

        return ScenarioOutcome(
            events: [event("charge.succeeded", charge)],
            objects: [
                "customer": customer["id"]?.stringValue ?? "",
                "paymentIntent": ids.paymentIntent,
                "charge": ids.charge,
            ]
        )
    }
}
