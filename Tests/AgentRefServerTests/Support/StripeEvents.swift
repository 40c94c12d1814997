import AgentRefDomain
import Foundation

/// Builds Stripe event bodies with Stripe's field names, as the simulator and Stripe send them.
enum StripeEvents {
    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    static func envelope(_ type: String, object: [String: Any], id: String? = nil, account: String?) -> [String: Any] {
        [
            "id": id ?? "evt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased(),
            "object": "event",
            "api_version": "2024-06-20",
            "created": now,
            "type": type,
            "account": account ?? NSNull(),
            "livemode": false,
            "pending_webhooks": 1,
            "request": ["id": NSNull(), "idempotency_key": NSNull()],
            "data": ["object": object],
        ]
    }

    static func checkoutSession(
        id: String, cid: String?, amount: Int64, currency: String = "usd", mode: String = "payment",
        paymentIntent: String? = nil, subscription: String? = nil, invoice: String? = nil, customer: String
    ) -> [String: Any] {
        [
            "id": id, "object": "checkout.session", "mode": mode, "status": "complete", "payment_status": "paid",
            "amount_total": amount, "amount_subtotal": amount, "currency": currency,
            "total_details": ["amount_tax": 0, "amount_discount": 0, "amount_shipping": 0],
            "client_reference_id": cid ?? NSNull(), "metadata": cid.map { ["agentref_cid": $0] } ?? [:],
            "payment_intent": paymentIntent ?? NSNull(), "subscription": subscription ?? NSNull(),
            "invoice": invoice ?? NSNull(), "customer": customer, "created": now,
        ]
    }

    static func invoice(
        id: String, billingReason: String, subscription: String, amount: Int64, currency: String = "usd",
        paymentIntent: String, charge: String, customer: String
    ) -> [String: Any] {
        [
            "id": id, "object": "invoice", "billing_reason": billingReason, "status": "paid",
            "amount_paid": amount, "amount_due": amount, "tax": NSNull(), "currency": currency,
            "subscription": subscription, "payment_intent": paymentIntent, "charge": charge, "customer": customer,
            "subscription_details": ["metadata": [String: String]()], "created": now,
        ]
    }

    static func charge(
        id: String, amount: Int64, amountRefunded: Int64 = 0, currency: String = "usd", paymentIntent: String,
        invoice: String? = nil, customer: String, cid: String? = nil
    ) -> [String: Any] {
        [
            "id": id, "object": "charge", "amount": amount, "amount_captured": amount,
            "amount_refunded": amountRefunded, "refunded": amountRefunded >= amount, "currency": currency,
            "paid": true, "status": "succeeded", "payment_intent": paymentIntent, "invoice": invoice ?? NSNull(),
            "customer": customer, "metadata": cid.map { ["agentref_cid": $0] } ?? [:], "created": now,
        ]
    }

    /// A `customer` object as `GET /v1/customers/{id}` returns it, for `StripeStub.addCustomer`.
    static func customer(id: String, metadata: [String: String]) -> JSONValue {
        .object([
            "id": .string(id), "object": .string("customer"), "email": .string("sam@example.com"),
            "metadata": .object(metadata.mapValues { .string($0) }),
        ])
    }
}
