import AgentRefDomain
import Foundation

/// Stripe `subscription` objects with one monthly price, and their billing periods.
enum SubscriptionObject {
    /// Builds a monthly recurring `price` object of `amount` in `currency`.
    static func makePrice(amount: Int64, currency: String, created: Int64) -> JSONValue {
        .object([
            "id": .string(StripeIdentifier.make("price_")),
            "object": .string("price"),
            "active": .bool(true),
            "created": .integer(created),
            "currency": .string(currency),
            "livemode": .bool(false),
            "nickname": .string("Monthly plan"),
            "product": .string(StripeIdentifier.make("prod_", length: 14)),
            "recurring": .object([
                "interval": .string("month"),
                "interval_count": .integer(1),
                "usage_type": .string("licensed"),
            ]),
            "type": .string("recurring"),
            "unit_amount": .integer(amount),
        ])
    }

    /// Builds an active subscription of `customer` to `price`, in its first period.
    static func make(
        id: String, customer: String, price: JSONValue, latestInvoice: String,
        metadata: [String: String], created: Int64
    ) -> JSONValue {
        let itemID = StripeIdentifier.make("si_", length: 14)
        let item: JSONValue = .object([
            "id": .string(itemID),
            "object": .string("subscription_item"),
            "created": .integer(created),
            "metadata": .metadata([:]),
            "price": price,
            "quantity": .integer(1),
            "subscription": .string(id),
        ])
        return .object([
            "id": .string(id),
            "object": .string("subscription"),
            "billing_cycle_anchor": .integer(created),
            "cancel_at": .null,
            "cancel_at_period_end": .bool(false),
            "canceled_at": .null,
            "cancellation_details": .object(["comment": .null, "feedback": .null, "reason": .null]),
            "collection_method": .string("charge_automatically"),
            "created": .integer(created),
            "currency": price["currency"] ?? .null,
            "current_period_end": .integer(periodEnd(after: created)),
            "current_period_start": .integer(created),
            "customer": .string(customer),
            "ended_at": .null,
            "items": .list(url: "/v1/subscription_items?subscription=\(id)", data: [item]),
            "latest_invoice": .string(latestInvoice),
            "livemode": .bool(false),
            "metadata": .metadata(metadata),
            "start_date": .integer(created),
            "status": .string("active"),
        ])
    }

    /// Returns the first subscription item of `subscription`.
    static func firstItem(of subscription: JSONValue) -> JSONValue? {
        subscription.value(at: "items.data")?.arrayValue?.first
    }

    /// Returns the end of a one-month billing period that starts at `start` (Unix seconds), by
    /// the UTC calendar as Stripe bills monthly plans.
    static func periodEnd(after start: Int64) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let startDate = Date(timeIntervalSince1970: TimeInterval(start))
        let end = calendar.date(byAdding: .month, value: 1, to: startDate) ?? startDate.addingTimeInterval(30 * 86_400)
        return Int64(end.timeIntervalSince1970)
    }
}
