import AgentRefDomain
import Foundation

extension SQLiteStore {
    private static let referenceColumns = [
        "checkout_session_id", "payment_intent_id", "charge_id", "invoice_id", "subscription_id", "customer_id",
    ]

    func payments(programId: String, sharingAnyOf ids: [String]) throws -> [PaymentRecord] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [] }

        let placeholders = Array(repeating: "?", count: unique.count).joined(separator: ", ")
        let conditions = Self.referenceColumns.map { "\($0) IN (\(placeholders))" }.joined(separator: " OR ")
        let parameters: [SQLiteBindable] = [programId] + Array(repeating: unique, count: Self.referenceColumns.count)
            .flatMap { $0 as [SQLiteBindable] }
        return try database.query(
            "SELECT * FROM payments WHERE program_id = ? AND (\(conditions)) ORDER BY created_at", parameters
        ).map(readPayment)
    }

    func savePayment(_ payment: PaymentRecord) throws {
        let references = payment.references
        try database.run(
            """
            INSERT OR REPLACE INTO payments (id, program_id, checkout_session_id, payment_intent_id, charge_id, invoice_id,
                subscription_id, customer_id, kind, billing_reason, total_amount, tax_amount, amount_source,
                charge_amount, currency, is_paid, amount_refunded, click_id, attribution_method, affiliate_id,
                conversion_id, seen_sources, stripe_created_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                payment.id, payment.programId, references.checkoutSessionId, references.paymentIntentId,
                references.chargeId, references.invoiceId, references.subscriptionId, references.customerId,
                payment.kind.rawValue, payment.billingReason, payment.totalAmount, payment.taxAmount,
                payment.amountSource?.rawValue, payment.chargeAmount, payment.currency?.rawValue, payment.isPaid,
                payment.amountRefunded, payment.clickID, payment.attributionMethod?.rawValue, payment.affiliateId,
                payment.conversionId, payment.seenSources.map(\.rawValue).sorted().joined(separator: ","),
                payment.stripeCreatedAt, payment.createdAt, payment.updatedAt,
            ]
        )
    }

    func deletePayment(id: String) throws {
        try database.run("DELETE FROM payments WHERE id = ?", [id])
    }

    func unattributedPaymentCount(programId: String) throws -> Int {
        try database.queryFirst(
            "SELECT COUNT(*) AS n FROM payments WHERE program_id = ? AND affiliate_id IS NULL", [programId]
        )?.int("n") ?? 0
    }

    private func readPayment(_ row: SQLiteRow) throws -> PaymentRecord {
        let references = PaymentReferences(
            checkoutSessionId: row.optionalString("checkout_session_id"),
            paymentIntentId: row.optionalString("payment_intent_id"),
            chargeId: row.optionalString("charge_id"),
            invoiceId: row.optionalString("invoice_id"),
            subscriptionId: row.optionalString("subscription_id"),
            customerId: row.optionalString("customer_id")
        )
        let seen = try row.string("seen_sources").split(separator: ",").compactMap { PaymentSource(rawValue: String($0)) }
        return PaymentRecord(
            id: try row.string("id"),
            programId: try row.string("program_id"),
            references: references,
            kind: PaymentKind(rawValue: try row.string("kind")) ?? .unknown,
            billingReason: row.optionalString("billing_reason"),
            totalAmount: row.optionalInt64("total_amount"),
            taxAmount: row.optionalInt64("tax_amount"),
            amountSource: row.optionalString("amount_source").flatMap(PaymentSource.init),
            chargeAmount: row.optionalInt64("charge_amount"),
            currency: row.optionalString("currency").flatMap(CurrencyCode.init),
            isPaid: try row.bool("is_paid"),
            amountRefunded: try row.int64("amount_refunded"),
            clickID: row.optionalString("click_id"),
            attributionMethod: row.optionalString("attribution_method").flatMap(AttributionMethod.init),
            affiliateId: row.optionalString("affiliate_id"),
            conversionId: row.optionalString("conversion_id"),
            seenSources: Set(seen),
            stripeCreatedAt: row.optionalInt64("stripe_created_at"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
    }

    // MARK: - Subscriptions

    func subscription(programId: String, subscriptionId: String) throws -> SubscriptionAttribution? {
        guard let row = try database.queryFirst(
            "SELECT * FROM subscriptions WHERE program_id = ? AND subscription_id = ?", [programId, subscriptionId]
        ) else { return nil }

        return SubscriptionAttribution(
            subscriptionId: try row.string("subscription_id"),
            programId: try row.string("program_id"),
            affiliateId: try row.string("affiliate_id"),
            method: AttributionMethod(rawValue: try row.string("method")) ?? .cookie,
            firstConversionId: row.optionalString("first_conversion_id"),
            startedAt: try row.int64("started_at"),
            endedAt: row.optionalDate("ended_at")
        )
    }

    func saveSubscription(_ subscription: SubscriptionAttribution) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO subscriptions (program_id, subscription_id, affiliate_id, method, first_conversion_id,
                started_at, ended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                subscription.programId, subscription.subscriptionId, subscription.affiliateId,
                subscription.method.rawValue, subscription.firstConversionId, subscription.startedAt,
                subscription.endedAt,
            ]
        )
    }
}
