import AgentRefClient
import AgentRefDomain
import AgentRefTUI
import Foundation

/// Conversions and feed entries as text for command output.
enum ConversionText {
    static func row(_ conversion: Conversion) -> [String] {
        [
            AgentRefJSON.formatTimestamp(conversion.createdAt),
            conversion.id,
            conversion.programName ?? conversion.programId,
            conversion.affiliateCode ?? conversion.affiliateId,
            money(conversion.amount, conversion.currency),
            money(conversion.commission, conversion.currency),
            conversion.status.rawValue,
        ]
    }

    /// Formats one feed entry as a line, for example
    /// `2026-12-04T16:20:01.120Z  conversion.created  Northwind  jane20  USD 29.00  commission USD 5.80`.
    static func feedLine(_ entry: ConversionFeedEntry) -> String {
        let conversion = entry.conversion
        var parts = [
            AgentRefJSON.formatTimestamp(entry.occurredAt),
            entry.type.rawValue,
            conversion.programName ?? conversion.programId,
            conversion.affiliateCode ?? conversion.affiliateId,
        ]
        if entry.type == .refunded {
            parts.append("refund " + money(entry.refundAmount ?? 0, conversion.currency))
            parts.append("commission " + money(-(entry.commissionReversal ?? 0), conversion.currency))
        } else {
            parts.append(money(conversion.amount, conversion.currency))
            parts.append("commission " + money(conversion.commission, conversion.currency))
        }
        return TextSanitizer.sanitize(parts.joined(separator: "  "))
    }

    static func describe(_ state: FeedConnectionState) -> String {
        switch state {
        case .connecting: "connecting"
        case .streaming: "streaming"
        case .polling(let interval): "polling every \(Int(interval)) s (the server has no event stream)"
        case .rejected(let message, _):
            "rejected: \(message)"
        case .disconnected(let message, let retry, _):
            "disconnected: \(message.hasSuffix(".") ? String(message.dropLast()) : message); "
                + "retrying in \(retry.formatted(.number.precision(.fractionLength(0...1)))) s"
        }
    }

    private static func money(_ minorUnits: Int64, _ currency: CurrencyCode?) -> String {
        guard let currency else { return String(minorUnits) }
        return Money(minorUnits: minorUnits, currency: currency).description
    }
}
