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
