import AgentRefDomain
import Foundation

/// Builds Stripe events with the field names and id prefixes Stripe uses, for rule tests.
enum StripeObjectFactory {
    static let created: Int64 = 1_780_000_000

    static func event(_ type: StripeEventType, _ object: [String: Any], id: String? = nil) -> StripeEvent {
        StripeEvent(
            id: id ?? "evt_\(UUID().uuidString.prefix(12))",
            created: created,
            type: type.rawValue,
            account: "acct_1Test",
            object: json(object)
        )
    }

    /// Converts plain dictionaries (with `NSNull()` for null) to a `JSONValue`.
    static func json(_ object: Any) -> JSONValue {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try! JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func cidMetadata(_ cid: String?) -> [String: Any] {
        cid.map { ["agentref_cid": $0] } ?? [:]
    }

    static func orNull(_ value: String?) -> Any {
        value ?? NSNull()
    }

    static func checkoutSession(
        id: String = "cs_test_1",
        mode: String = "payment",
        cid: String? = "cid_1",
        amount: Int64 = 2900,
        tax: Int64 = 0,
        currency: String = "usd",
        paymentIntent: String? = "pi_1",
        subscription: String? = nil,
        invoice: String? = nil,
        customer: String = "cus_1",
        paymentStatus: String = "paid"
    ) -> StripeEvent {
        event(.checkoutSessionCompleted, [
            "id": id,
            "object": "checkout.session",
            "mode": mode,
            "amount_total": amount,
            "amount_subtotal": amount - tax,
            "total_details": ["amount_tax": tax, "amount_discount": 0],
            "currency": currency,
            "customer": customer,
            "payment_status": paymentStatus,
            "created": created,
            "metadata": cidMetadata(cid),
            "client_reference_id": orNull(cid),
            "payment_intent": orNull(paymentIntent),
            "subscription": orNull(subscription),
            "invoice": orNull(invoice),
        ])
    }

    static func invoicePaid(
        id: String = "in_1",
        billingReason: String = "subscription_create",
        subscription: String? = "sub_1",
        amount: Int64 = 2900,
        tax: Int64 = 0,
        currency: String = "usd",
        paymentIntent: String? = "pi_1",
        charge: String? = "ch_1",
        customer: String = "cus_1",
        subscriptionCid: String? = nil,
        created: Int64 = created
    ) -> StripeEvent {
        event(.invoicePaid, [
            "id": id,
            "object": "invoice",
            "billing_reason": billingReason,
            "amount_paid": amount,
            "amount_due": amount,
            "tax": tax,
            "currency": currency,
            "customer": customer,
            "status": "paid",
            "created": created,
            "subscription_details": ["metadata": cidMetadata(subscriptionCid)],
            "subscription": orNull(subscription),
            "payment_intent": orNull(paymentIntent),
            "charge": orNull(charge),
        ])
    }

    static func charge(
        _ type: StripeEventType = .chargeSucceeded,
        id: String = "ch_1",
        amount: Int64 = 2900,
        amountRefunded: Int64 = 0,
        currency: String = "usd",
        paymentIntent: String? = "pi_1",
        invoice: String? = nil,
        customer: String = "cus_1",
        cid: String? = nil,
        created: Int64 = created
    ) -> StripeEvent {
        event(type, [
            "id": id,
            "object": "charge",
            "amount": amount,
            "amount_captured": amount,
            "amount_refunded": amountRefunded,
            "refunded": amountRefunded >= amount,
            "currency": currency,
            "customer": customer,
            "paid": true,
            "status": "succeeded",
            "created": created,
            "metadata": cidMetadata(cid),
            "payment_intent": orNull(paymentIntent),
            "invoice": orNull(invoice),
        ])
    }
}
