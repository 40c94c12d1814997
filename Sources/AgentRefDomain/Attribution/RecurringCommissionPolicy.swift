import Foundation

/// Decides whether a subscription's later payment earns commission for the affiliate
/// credited with its first payment.
///
/// The first paid payment always earns (after a free trial it is a renewal invoice).
/// After that, `recurring` programs pay on every payment, `recurring_limited` ones on
/// payments made less than `commissionLimitMonths` calendar months (UTC) after the
/// subscription started, and `one_time` programs on none. A payment made when the
/// subscription had already ended (see `SubscriptionAttribution.endedAt`) earns nothing.
public enum RecurringCommissionPolicy {
    public enum Decision: Hashable, Sendable {
        /// The payment earns commission for `subscription.affiliateId`.
        case eligible(firstPaidPayment: Bool)
        /// The payment earns nothing, for the reason given.
        case ineligible(reason: String)
    }

    /// - Parameter paidAt: When the renewal was paid, in Unix seconds.
    public static func evaluate(
        _ subscription: SubscriptionAttribution,
        program: Program,
        paidAt: Int64
    ) -> Decision {
        if subscription.hasEnded(by: paidAt), let endedAt = subscription.endedAt {
            let endText = AgentRefJSON.formatTimestamp(endedAt)
            return .ineligible(reason: "subscription \(subscription.subscriptionId) ended on \(endText)")
        }
        if subscription.firstConversionId == nil {
            return .eligible(firstPaidPayment: true)
        }

        switch program.commissionType {
        case .oneTime:
            return .ineligible(reason: "program \(program.id) pays commission on the first payment only (one_time)")
        case .recurring:
            return .eligible(firstPaidPayment: false)
        case .recurringLimited:
            return evaluateLimited(subscription, program: program, paidAt: paidAt)
        }
    }

    private static func evaluateLimited(
        _ subscription: SubscriptionAttribution,
        program: Program,
        paidAt: Int64
    ) -> Decision {
        // NOTE: a recurring_limited program without commissionLimitMonths pays like recurring.
        guard let months = program.commissionLimitMonths else { return .eligible(firstPaidPayment: false) }

        let start = Date(timeIntervalSince1970: TimeInterval(subscription.startedAt))
        let end = limitEnd(start: start, months: months)
        guard Date(timeIntervalSince1970: TimeInterval(paidAt)) < end else {
            let endText = AgentRefJSON.formatTimestamp(end)
            return .ineligible(reason: "the \(months)-month commission limit of program \(program.id) ended on \(endText)")
        }
        return .eligible(firstPaidPayment: false)
    }

    /// `start` plus `months` calendar months in UTC.
    static func limitEnd(start: Date, months: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(byAdding: .month, value: months, to: start) ?? start
    }
}
