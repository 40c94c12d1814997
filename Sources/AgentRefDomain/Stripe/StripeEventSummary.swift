import Foundation

/// One received Stripe event as the server's extension route
/// `GET /api/v1/programs/{id}/stripe/events` lists it.
public struct StripeEventSummary: Hashable, Sendable, Codable, Identifiable {
    public var eventId: String
    public var type: String
    /// When the server received and stored the event.
    public var receivedAt: Date
    /// Stripe's `created`, in Unix seconds.
    public var created: Int64
    public var outcome: StripeEventOutcome
    /// Reason for the outcome, in one sentence.
    public var detail: String
    /// The conversion the event created or changed, when there is one.
    public var conversionId: String?
    public var account: String?

    public var id: String { eventId }

    public init(
        eventId: String,
        type: String,
        receivedAt: Date,
        created: Int64,
        outcome: StripeEventOutcome,
        detail: String,
        conversionId: String? = nil,
        account: String? = nil
    ) {
        self.eventId = eventId
        self.type = type
        self.receivedAt = receivedAt
        self.created = created
        self.outcome = outcome
        self.detail = detail
        self.conversionId = conversionId
        self.account = account
    }
}
