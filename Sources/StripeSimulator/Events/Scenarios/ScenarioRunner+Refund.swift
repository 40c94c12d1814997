import AgentRefDomain

extension ScenarioRunner {
    /// Refunds `amount` of the target charge (by default everything not yet refunded) and
    /// sends `charge.refunded` with the updated charge and its refunds.
    func refund(in state: inout SimulatorState) throws -> ScenarioOutcome {
        let charge = try targetCharge(in: state)
        let chargeID = charge["id"]?.stringValue ?? ""
        let total = charge["amount"]?.int64Value ?? 0
        let refundedBefore = charge["amount_refunded"]?.int64Value ?? 0
        let remaining = total - refundedBefore
        let refundAmount = request.amount ?? remaining
        guard refundAmount <= remaining else {
            throw StripeAPIError.invalidParameter(
                "amount", "Refund amount \(refundAmount) is more than the \(remaining) left to refund on \(chargeID); "
                    + "send an amount up to \(remaining)."
            )
        }

        let refund = ChargeObject.makeRefund(amount: refundAmount, of: charge, created: now)
        let updated = ChargeObject.applying(refund: refund, to: charge)
        state.save(refund, account: account.id)
        state.save(updated, account: account.id)

        let previous: JSONValue = .object([
            "amount_refunded": .integer(refundedBefore),
            "refunded": charge["refunded"] ?? .bool(false),
        ])
        return ScenarioOutcome(
            events: [event("charge.refunded", updated, previousAttributes: previous)],
            objects: [
                "charge": chargeID,
                "refund": refund["id"]?.stringValue ?? "",
                "paymentIntent": charge["payment_intent"]?.stringValue ?? "",
                "customer": charge["customer"]?.stringValue ?? "",
            ].filter { !$0.value.isEmpty }
        )
    }

    /// Finds the charge named by `target.charge` or `target.paymentIntent`, else the account's
    /// most recent charge that is not fully refunded.
    private func targetCharge(in state: SimulatorState) throws -> JSONValue {
        if let id = request.target.charge {
            guard let charge = state.object(id: id, kind: "charge", account: account.id) else {
                throw StripeAPIError.resourceMissing("charge", id: id, param: "target.charge")
            }
            return try refundable(charge)
        }
        if let id = request.target.paymentIntent {
            let charge = state.latestObject(kind: "charge", account: account.id) { charge in
                charge["payment_intent"]?.stringValue == id
            }
            guard let charge else {
                throw StripeAPIError.resourceMissing("payment_intent", id: id, param: "target.paymentIntent")
            }
            return try refundable(charge)
        }
        let latest = state.latestObject(kind: "charge", account: account.id) { $0["refunded"]?.boolValue == false }
        guard let latest else {
            throw StripeAPIError.invalidParameter(
                "target", "Account \(account.id) has no charge left to refund; trigger a payment first or send "
                    + #"target {"charge":"ch_…"}."#
            )
        }
        return latest
    }

    private func refundable(_ charge: JSONValue) throws -> JSONValue {
        guard charge["refunded"]?.boolValue != true else {
            let id = charge["id"]?.stringValue ?? ""
            throw StripeAPIError.invalidParameter("target.charge", "Charge \(id) has already been refunded in full.")
        }
        return charge
    }
}
