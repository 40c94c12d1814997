import AgentRefDomain

/// One step of a fixture, in delivery order.
///
/// In the file a step is one of:
/// - `{"event": {…}, "outcome": "linked", "detailContains": "…"}`: deliver a Stripe event
///   (Stripe's envelope) for the first time. `outcome` is the outcome the server must store
///   for it. `detailContains`, when present, is a phrase the stored detail must contain.
/// - `{"redeliver": "evt_…"}`: deliver an earlier event again with the same id, as Stripe
///   does when it retries; the server must acknowledge it as a duplicate.
/// - `{"action": "disconnect"}`: disconnect the program from Stripe through the API.
public enum FixtureStep: Sendable, Decodable {
    case event(JSONValue, outcome: StripeEventOutcome, detailContains: String?)
    case redeliver(eventId: String)
    case disconnect

    enum CodingKeys: String, CodingKey {
        case event, outcome, detailContains, redeliver, action
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let event = try container.decodeIfPresent(JSONValue.self, forKey: .event) {
            guard event["id"]?.stringValue != nil, event["type"]?.stringValue != nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .event, in: container, debugDescription: "the event needs string members id and type"
                )
            }
            self = .event(
                event,
                outcome: try container.decode(StripeEventOutcome.self, forKey: .outcome),
                detailContains: try container.decodeIfPresent(String.self, forKey: .detailContains)
            )
        } else if let eventId = try container.decodeIfPresent(String.self, forKey: .redeliver) {
            self = .redeliver(eventId: eventId)
        } else if let action = try container.decodeIfPresent(String.self, forKey: .action) {
            guard action == "disconnect" else {
                throw DecodingError.dataCorruptedError(
                    forKey: .action, in: container,
                    debugDescription: "unknown action \"\(action)\"; the only action is \"disconnect\""
                )
            }
            self = .disconnect
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "a step needs \"event\", \"redeliver\" or \"action\""
            ))
        }
    }

    /// The id of the event this step delivers, or nil for an action.
    public var eventId: String? {
        switch self {
        case .event(let event, _, _): event["id"]?.stringValue
        case .redeliver(let eventId): eventId
        case .disconnect: nil
        }
    }
}
