import AgentRefDomain
import Foundation
import StripeSimulator

/// Compares what a server stored after a fixture with what the fixture expects, and lists
/// every difference as one line, so a failing scenario shows all of its problems at once.
struct FixtureComparison {
    let fixture: AttributionFixture
    let observed: FixtureObservation
    /// Fixture id → id the replay used; empty when the fixture's ids were sent unchanged.
    var ids: [String: String] = [:]

    /// Every difference, such as `conversion 1 commission: expected 980, got 490`.
    var mismatches: [String] {
        conversionMismatches + totalMismatches + eventMismatches
    }

    private var expected: FixtureExpectation { fixture.expected }

    private func mapped(_ id: String) -> String {
        ids[id] ?? id
    }

    private var conversionMismatches: [String] {
        var lines: [String] = []
        if observed.conversions.count != expected.conversions.count {
            lines.append("conversions: expected \(expected.conversions.count), got \(observed.conversions.count): "
                + observed.conversions.map(Self.summary).joined(separator: "; "))
        }
        for (index, (want, got)) in zip(expected.conversions, observed.conversions).enumerated() {
            lines += differences(want, got).map { "conversion \(index + 1) \($0)" }
        }
        return lines
    }

    private func differences(_ want: ExpectedConversion, _ got: JSONValue) -> [String] {
        var fields: [(String, String?, String?)] = [
            ("affiliate", want.affiliate, got["affiliateCode"]?.stringValue),
            ("amount", String(want.amount), got["amount"]?.int64Value.map(String.init)),
            ("commission", String(want.commission), got["commission"]?.int64Value.map(String.init)),
            ("status", want.status.rawValue, got["status"]?.stringValue),
            ("amountRefunded", String(want.amountRefunded), got["amountRefunded"]?.int64Value.map(String.init)),
            ("commissionReversed", String(want.commissionReversed), got["commissionReversed"]?.int64Value.map(String.init)),
            ("currency", want.currency, got["currency"]?.stringValue),
        ]
        let optional: [(String, String?)] = [
            ("method", want.method),
            ("stripeSessionId", want.stripeSessionId.map(mapped)),
            ("stripePaymentIntentId", want.stripePaymentIntentId.map(mapped)),
            ("stripeChargeId", want.stripeChargeId.map(mapped)),
            ("stripeInvoiceId", want.stripeInvoiceId.map(mapped)),
            ("stripeSubscriptionId", want.stripeSubscriptionId.map(mapped)),
            ("stripeCustomerId", want.stripeCustomerId.map(mapped)),
        ]
        for (name, value) in optional where value != nil {
            fields.append((name, value, got[name]?.stringValue))
        }
        return fields.filter { $0.1 != $0.2 }.map { "\($0.0): expected \($0.1 ?? "nil"), got \($0.2 ?? "nil")" }
    }

    private var totalMismatches: [String] {
        var lines: [String] = []
        if observed.unattributedPayments != expected.unattributedPayments {
            lines.append("unattributedPayments: expected \(expected.unattributedPayments), got \(observed.unattributedPayments)")
        }
        if observed.revenue != expected.revenue {
            lines.append("revenue: expected \(Self.format(expected.revenue)), got \(Self.format(observed.revenue))")
        }
        if observed.commission != expected.commission {
            lines.append("commission: expected \(Self.format(expected.commission)), got \(Self.format(observed.commission))")
        }
        if observed.connectionStatus != expected.connectionStatus.rawValue {
            lines.append("connection status: expected \(expected.connectionStatus.rawValue), got \(observed.connectionStatus)")
        }
        let feed = expected.feed.map(\.rawValue)
        if observed.feed != feed {
            lines.append("feed: expected \(feed), got \(observed.feed)")
        }
        return lines
    }

    private var eventMismatches: [String] {
        var lines: [String] = []
        var delivered = 0
        for (index, step) in fixture.steps.enumerated() {
            guard case .event(let event, let outcome, let phrase) = step, let id = event["id"]?.stringValue else {
                continue
            }
            delivered += 1
            let type = event["type"]?.stringValue ?? ""
            guard let got = observed.events[mapped(id)] else {
                lines.append("step \(index + 1) \(type) \(id): not stored")
                continue
            }
            if got.outcome != outcome.rawValue {
                lines.append("step \(index + 1) \(type): expected outcome \(outcome.rawValue), got \(got.outcome) (\(got.detail))")
            }
            if let phrase, !got.detail.contains(phrase) {
                lines.append("step \(index + 1) \(type): detail \"\(got.detail)\" lacks \"\(phrase)\"")
            }
        }
        if observed.events.count != delivered {
            lines.append("stored events: expected \(delivered), got \(observed.events.count)")
        }
        return lines
    }

    /// Formats totals as `EUR 2500, USD 2900`, or `none`.
    private static func format(_ totals: [String: Int64]) -> String {
        totals.isEmpty ? "none" : totals.sorted(by: <).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func summary(_ conversion: JSONValue) -> String {
        let affiliate = conversion["affiliateCode"]?.stringValue ?? "?"
        let amount = conversion["amount"]?.int64Value.map(String.init) ?? "?"
        let commission = conversion["commission"]?.int64Value.map(String.init) ?? "?"
        return "\(affiliate) \(amount)/\(commission) \(conversion["currency"]?.stringValue ?? "?")"
    }
}
