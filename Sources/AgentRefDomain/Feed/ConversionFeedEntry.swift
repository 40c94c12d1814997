import Foundation

/// One change to a conversion, as the live feed shows it: a new conversion, or a refund
/// that reversed part of its commission.
///
/// The server numbers entries with a `sequence` that only grows, and the stream's
/// `Last-Event-ID` is that number, so a client that reconnects asks for everything after
/// the last entry it saw and gets no gap and no duplicate.
public struct ConversionFeedEntry: Hashable, Sendable, Codable, Identifiable {
    public var sequence: Int64
    public var type: FeedEntryType
    public var occurredAt: Date
    /// The conversion as it was right after this change.
    public var conversion: Conversion
    /// For `conversion.refunded`: the amount this refund returned, in minor units.
    public var refundAmount: Int64?
    /// For `conversion.refunded`: the commission this refund took back, in minor units.
    public var commissionReversal: Int64?

    public var id: Int64 { sequence }

    public init(
        sequence: Int64,
        type: FeedEntryType,
        occurredAt: Date,
        conversion: Conversion,
        refundAmount: Int64? = nil,
        commissionReversal: Int64? = nil
    ) {
        self.sequence = sequence
        self.type = type
        self.occurredAt = occurredAt
        self.conversion = conversion
        self.refundAmount = refundAmount
        self.commissionReversal = commissionReversal
    }
}

/// What changed, named like AgentRef's own webhook events.
public enum FeedEntryType: String, Sendable, Codable, CaseIterable {
    case created = "conversion.created"
    case refunded = "conversion.refunded"
    /// Any other change, such as a status moving from pending to approved.
    case updated = "conversion.updated"
}
