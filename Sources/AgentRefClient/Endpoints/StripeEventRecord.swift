import AgentRefDomain
import Foundation

/// One Stripe event the server received for a program, from the extension route
/// `GET /programs/{id}/stripe/events`.
public struct StripeEventRecord: Hashable, Sendable, Decodable {
    public var eventId: String
    public var type: String
    public var receivedAt: Date
    /// When Stripe created the event.
    public var created: Date?
    /// The server's handling of the event: `conversion_created`, `linked`, `duplicate`,
    /// `refund_applied`, `subscription_ended`, `unattributed`, `ignored` or `revoked`.
    public var outcome: String
    /// One sentence on the outcome, such as why the event was ignored.
    public var detail: String?
    public var conversionId: String?

    public init(eventId: String, type: String, receivedAt: Date, outcome: String) {
        self.eventId = eventId
        self.type = type
        self.receivedAt = receivedAt
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case eventId, type, receivedAt, created, outcome, detail, conversionId
    }

    /// Decodes `created` as either an ISO 8601 string or Stripe's Unix seconds.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        eventId = try container.decode(String.self, forKey: .eventId)
        type = try container.decode(String.self, forKey: .type)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        outcome = try container.decode(String.self, forKey: .outcome)
        detail = try container.decodeIfPresent(String.self, forKey: .detail)
        conversionId = try container.decodeIfPresent(String.self, forKey: .conversionId)

        if let seconds = try? container.decodeIfPresent(Int64.self, forKey: .created) {
            created = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else {
            created = try container.decodeIfPresent(Date.self, forKey: .created)
        }
    }
}
