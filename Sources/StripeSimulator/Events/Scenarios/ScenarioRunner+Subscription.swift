import AgentRefDomain

extension ScenarioRunner {
    /// Bills the next month of the target subscription: its period moves on by one month,
    /// the price is charged, and Stripe sends `charge.succeeded` then `invoice.paid`
    /// with billing_reason `subscription_cycle`.
    func subscriptionRenewal(in state: inout SimulatorState) throws -> ScenarioOutcome {
        let subscription = try targetSubscription(in: state)
        let subscriptionID = subscription["id"]?.stringValue ?? ""
        let customerID = subscription["customer"]?.stringValue ?? ""
        let storedCustomer = state.object(id: customerID, kind: "customer", account: account.id)
        let customer = storedCustomer ?? .object(["id": .string(customerID)])
        let price = SubscriptionObject.firstItem(of: subscription)?["price"] ?? .null

        let periodStart = subscription["current_period_start"]?.int64Value ?? now
        let periodEnd = subscription["current_period_end"]?.int64Value ?? now
        let nextEnd = SubscriptionObject.periodEnd(after: periodEnd)
        let ids = PaymentIDs()
        let invoiceID = StripeIdentifier.make("in_")

        let charge = makePayment(ids, PaymentDetails(
            amount: price["unit_amount"]?.int64Value ?? 0, currency: price["currency"]?.stringValue ?? currency,
            customer: customer, invoice: invoiceID, description: "Subscription update"
        ), in: &state)
        let renewed = subscription
            .setting("current_period_start", to: .integer(periodEnd))
            .setting("current_period_end", to: .integer(nextEnd))
            .setting("latest_invoice", to: .string(invoiceID))
        let invoice = InvoiceObject.make(InvoiceObject.Billing(
            id: invoiceID, billingReason: "subscription_cycle", subscription: renewed, charge: ids.charge,
            paymentIntent: ids.paymentIntent, customerEmail: customer["email"]?.stringValue ?? "",
            periodStart: periodStart, periodEnd: periodEnd,
            servicePeriodStart: periodEnd, servicePeriodEnd: nextEnd, created: now
        ))
        state.save(renewed, account: account.id)
        state.save(invoice, account: account.id)

        return ScenarioOutcome(
            events: [event("charge.succeeded", charge), event("invoice.paid", invoice)],
            objects: [
                "customer": customerID,
                "subscription": subscriptionID,
                "invoice": invoiceID,
                "paymentIntent": ids.paymentIntent,
                "charge": ids.charge,
            ]
        )
    }

    /// Ends the target subscription now and sends `customer.subscription.deleted` with
    /// status `canceled` and `canceled_at` and `ended_at` set.
    func subscriptionCanceled(in state: inout SimulatorState) throws -> ScenarioOutcome {
        let subscription = try targetSubscription(in: state)
        let canceled = subscription
            .setting("status", to: .string("canceled"))
            .setting("canceled_at", to: .integer(now))
            .setting("ended_at", to: .integer(now))
            .setting("cancellation_details", to: .object([
                "comment": .null, "feedback": .null, "reason": .string("cancellation_requested"),
            ]))
        state.save(canceled, account: account.id)

        return ScenarioOutcome(
            events: [event("customer.subscription.deleted", canceled)],
            objects: [
                "subscription": canceled["id"]?.stringValue ?? "",
                "customer": canceled["customer"]?.stringValue ?? "",
            ]
        )
    }

    /// Finds the active subscription named by `target.subscription`, else the account's most
    /// recent active one.
    private func targetSubscription(in state: SimulatorState) throws -> JSONValue {
        guard let id = request.target.subscription else {
            let latest = state.latestObject(kind: "subscription", account: account.id) {
                $0["status"]?.stringValue == "active"
            }
            guard let latest else {
                throw StripeAPIError.invalidParameter(
                    "target", "Account \(account.id) has no active subscription; trigger checkout-subscription "
                        + #"first or send target {"subscription":"sub_…"}."#
                )
            }
            return latest
        }

        guard let subscription = state.object(id: id, kind: "subscription", account: account.id) else {
            throw StripeAPIError.resourceMissing("subscription", id: id, param: "target.subscription")
        }
        guard subscription["status"]?.stringValue == "active" else {
            throw StripeAPIError.invalidParameter(
                "target.subscription", "Subscription \(id) is \(subscription["status"]?.stringValue ?? "not active"); "
                    + "only an active subscription can renew or be canceled."
            )
        }
        return subscription
    }
}
