import AgentRefClient
import AgentRefDomain
import Foundation

/// Sample data shared by the dashboard tests, including hostile text the dashboard must
/// neutralise.
enum Fixtures {
    /// 2026-03-02 14:30:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_772_461_800)
    static let utc = TimeZone(identifier: "UTC")!
    static let usd = CurrencyCode("USD")!
    static let eur = CurrencyCode("EUR")!
    static let jpy = CurrencyCode("JPY")!
    static let kwd = CurrencyCode("KWD")!

    static func program(
        _ id: String,
        _ name: String,
        stripe: StripeConnectionStatus = .disconnected,
        currency: CurrencyCode = usd,
        today: Int = 0,
        revenue: Int64 = 0,
        commission: Int64 = 0
    ) -> Program {
        var program = Program(id: id, merchantId: "mer_1", name: name, slug: id, currency: currency.rawValue,
                              createdAt: now, updatedAt: now)
        program.stripeStatus = stripe
        program.stripeAccountId = stripe == .connected ? "acct_1SimNorthwind01" : nil
        program.conversionsToday = today
        program.revenue = revenue == 0 ? MoneyTotals() : MoneyTotals([currency: revenue])
        program.commissionTotal = commission == 0 ? MoneyTotals() : MoneyTotals([currency: commission])
        return program
    }

    /// Four programs like the server's demo data: currencies USD, EUR, JPY and KWD, one
    /// name with CJK and an emoji, one name with an escape sequence and a control character.
    static let programs: [Program] = [
        program("prg_northwind", "Northwind Coffee", stripe: .connected, today: 3, revenue: 8_700, commission: 1_740),
        program("prg_harbor", "Harbor Yoga 瑜伽 🧘", stripe: .pending, currency: eur, today: 1, revenue: 4_500, commission: 900),
        program("prg_lantern", "Lantern Books", stripe: .revoked, currency: jpy, revenue: 12_000, commission: 1_200),
        program("prg_hostile", "Evil\u{1B}[2J\u{1B}]52;c;aGk=\u{07}Corp\u{7}\u{202E}gnp.exe", currency: kwd),
    ]

    static func conversion(
        _ id: String,
        program: String = "prg_northwind",
        programName: String = "Northwind Coffee",
        affiliate: String = "jane20",
        amount: Int64,
        commission: Int64,
        currency: CurrencyCode = usd,
        event: String = "checkout.session.completed",
        status: ConversionStatus = .pending
    ) -> Conversion {
        var conversion = Conversion(id: id, affiliateId: "aff_\(affiliate)", programId: program, amount: amount,
                                    commission: commission, status: status, createdAt: now, currency: currency)
        conversion.programName = programName
        conversion.affiliateCode = affiliate
        conversion.stripeEventType = event
        conversion.commissionEarned = commission
        return conversion
    }

    static func created(_ sequence: Int64, _ conversion: Conversion, secondsAfterNow: TimeInterval = 0) -> ConversionFeedEntry {
        ConversionFeedEntry(sequence: sequence, type: .created, occurredAt: now.addingTimeInterval(secondsAfterNow),
                            conversion: conversion)
    }

    static func refunded(_ sequence: Int64, _ conversion: Conversion, refund: Int64, reversal: Int64,
                         secondsAfterNow: TimeInterval = 0) -> ConversionFeedEntry {
        var refundedConversion = conversion
        refundedConversion.status = refund >= conversion.amount ? .refunded : .partiallyRefunded
        refundedConversion.amountRefunded = refund
        refundedConversion.commissionReversed = reversal
        refundedConversion.commission = conversion.commission - reversal
        return ConversionFeedEntry(sequence: sequence, type: .refunded, occurredAt: now.addingTimeInterval(secondsAfterNow),
                                   conversion: refundedConversion, refundAmount: refund, commissionReversal: reversal)
    }

    static func event(
        _ id: String,
        _ type: String,
        _ outcome: StripeEventOutcome,
        detail: String? = nil,
        secondsBeforeNow: TimeInterval = 60,
        conversionID: String? = nil
    ) -> StripeEventRecord {
        var event = StripeEventRecord(eventId: id, type: type, receivedAt: now.addingTimeInterval(-secondsBeforeNow),
                                      outcome: outcome.rawValue)
        event.created = event.receivedAt.addingTimeInterval(-1)
        event.detail = detail
        event.conversionId = conversionID
        return event
    }

    /// Events of one checkout and its refund as the server logs them, newest first, with a
    /// hostile detail text.
    static let events: [StripeEventRecord] = [
        event("evt_1RefundA", "charge.refunded", .refundApplied, detail: "refund of USD 10.00 reversed USD 2.00 of "
              + "conversion cnv_1", secondsBeforeNow: 30, conversionID: "cnv_1"),
        event("evt_1NoCid", "checkout.session.completed", .unattributed,
              detail: "no agentref_cid in client_reference_id or metadata", secondsBeforeNow: 90),
        event("evt_1Dup", "invoice.paid", .duplicate, detail: "event already received", secondsBeforeNow: 120),
        event("evt_1Charge", "charge.succeeded", .linked, detail: "same payment as conversion cnv_1",
              secondsBeforeNow: 150, conversionID: "cnv_1"),
        event("evt_1Checkout", "checkout.session.completed", .conversionCreated,
              detail: "conversion cnv_1 for affiliate jane20\u{1B}[2J: amount USD 29.00, commission USD 5.80",
              secondsBeforeNow: 151, conversionID: "cnv_1"),
        event("evt_1Ignored", "customer.created", .ignored, detail: "customer.created is not a subscribed event",
              secondsBeforeNow: 200),
    ]

    static func eventLog(_ events: [StripeEventRecord] = events, rejected: [String: Int] = [:], total: Int? = nil,
                         nextCursor: String? = nil) -> StripeEventLog {
        let page = Page(items: events, total: total ?? events.count, page: 1, pageSize: 50, hasMore: nextCursor != nil,
                        nextCursor: nextCursor)
        return StripeEventLog(events: page, rejectedSignatures: rejected)
    }

    static func connectedDetail(_ programID: String = "prg_northwind", withEvent: Bool = true) -> StripeConnection {
        var connection = StripeConnection(
            programId: programID,
            status: .connected,
            stripeAccountId: "acct_1SimNorthwind01",
            webhookEndpointId: "we_1PqRsT2uVwXyZ",
            subscribedEvents: StripeEventType.subscribed.map(\.rawValue),
            unattributedPayments: 2
        )
        connection.webhookUrl = "http://127.0.0.1:8420/webhooks/stripe/\(programID)"
        connection.connectedAt = now.addingTimeInterval(-3_600)
        connection.webhookMode = "account"
        if withEvent {
            connection.lastEventAt = now.addingTimeInterval(-120)
            connection.lastEventType = "charge.succeeded"
            connection.lastEventId = "evt_3OaBcDeFgHiJ"
        }
        return connection
    }
}
