import AgentRefDomain

extension ScenarioRunner {
    /// Simulates a one-time Checkout payment. Stripe sends `charge.succeeded` when the card is
    /// charged and `checkout.session.completed` after it, so that is the order here too.
    func checkoutPayment(in state: inout SimulatorState) -> ScenarioOutcome {
        let defaults = CIDPlacement.checkoutDefault
        let customer = makeCustomer(email: makeCustomerEmail(), defaults: defaults, in: &state)
        let ids = PaymentIDs()
        let charge = makePayment(ids, PaymentDetails(
            amount: amount, currency: currency, customer: customer, invoice: nil, description: "Checkout payment",
            paymentIntentMetadata: cidMetadata(.paymentIntentMetadata, default: defaults),
            chargeMetadata: cidMetadata(.chargeMetadata, default: defaults)
        ), in: &state)

        let session = makeSession(
            mode: "payment", customer: customer, defaults: defaults, paymentIntent: ids.paymentIntent
        )
        state.save(session, account: account.id)

        return ScenarioOutcome(
            events: [event("charge.succeeded", charge), event("checkout.session.completed", session)],
            objects: [
                "customer": customer["id"]?.stringValue ?? "",
                "paymentIntent": ids.paymentIntent,
                "charge": ids.charge,
                "checkoutSession": session["id"]?.stringValue ?? "",
            ]
        )
    }

    /// Simulates a Checkout subscription sign-up. Stripe pays the first invoice before the session
    /// completes: `charge.succeeded`, `invoice.paid` (billing_reason `subscription_create`),
    /// then `checkout.session.completed`. Stripe does not copy session metadata to the
    /// subscription, so the click id reaches the subscription only with
    /// `subscription_metadata` placement.
    func checkoutSubscription(in state: inout SimulatorState) -> ScenarioOutcome {
        let defaults = CIDPlacement.checkoutDefault
        let customer = makeCustomer(email: makeCustomerEmail(), defaults: defaults, in: &state)
        let ids = PaymentIDs()
        let invoiceID = StripeIdentifier.make("in_")
        let subscription = SubscriptionObject.make(
            id: StripeIdentifier.make("sub_"), customer: customer["id"]?.stringValue ?? "",
            price: SubscriptionObject.makePrice(amount: amount, currency: currency, created: now),
            latestInvoice: invoiceID, metadata: cidMetadata(.subscriptionMetadata, default: defaults), created: now
        )
        let subscriptionID = subscription["id"]?.stringValue ?? ""
        let charge = makePayment(ids, PaymentDetails(
            amount: amount, currency: currency, customer: customer, invoice: invoiceID,
            description: "Subscription creation",
            paymentIntentMetadata: cidMetadata(.paymentIntentMetadata, default: defaults),
            chargeMetadata: cidMetadata(.chargeMetadata, default: defaults)
        ), in: &state)
        let invoice = InvoiceObject.make(InvoiceObject.Billing(
            id: invoiceID, billingReason: "subscription_create", subscription: subscription, charge: ids.charge,
            paymentIntent: ids.paymentIntent, customerEmail: customer["email"]?.stringValue ?? "",
            periodStart: now, periodEnd: now,
            servicePeriodStart: now, servicePeriodEnd: SubscriptionObject.periodEnd(after: now), created: now
        ))
        let session = makeSession(
            mode: "subscription", customer: customer, defaults: defaults,
            subscription: subscriptionID, invoice: invoiceID
        )
        for object in [subscription, invoice, session] {
            state.save(object, account: account.id)
        }

        return ScenarioOutcome(
            events: [
                event("charge.succeeded", charge),
                event("invoice.paid", invoice),
                event("checkout.session.completed", session),
            ],
            objects: [
                "customer": customer["id"]?.stringValue ?? "",
                "paymentIntent": ids.paymentIntent,
                "charge": ids.charge,
                "invoice": invoiceID,
                "subscription": subscriptionID,
                "checkoutSession": session["id"]?.stringValue ?? "",
            ]
        )
    }

    private func makeSession(
        mode: String, customer: JSONValue, defaults: Set<CIDPlacement>,
        paymentIntent: String? = nil, subscription: String? = nil, invoice: String? = nil
    ) -> JSONValue {
        let placements = request.cidPlacement ?? defaults
        let referenceID = placements.contains(.clientReferenceID) ? request.cid : nil
        return CheckoutSessionObject.make(CheckoutSessionObject.Completion(
            mode: mode, amount: amount, currency: currency,
            customer: customer["id"]?.stringValue ?? "", email: customer["email"]?.stringValue ?? "",
            name: Self.customerName, clientReferenceID: referenceID,
            metadata: cidMetadata(.sessionMetadata, default: defaults),
            paymentIntent: paymentIntent, subscription: subscription, invoice: invoice,
            merchantDomain: account.emailDomain, created: now
        ))
    }
}
