import AgentRefDomain
import Foundation

/// One POST of one event to one endpoint, and how it ended.
struct DeliveryAttempt: Sendable {
    var eventID: String
    var eventType: String
    var endpointID: String
    var url: String
    /// 1 for the first delivery, then one more for each retry.
    var attempt: Int
    /// The response status, or nil when no response came back.
    var status: Int?
    /// The transport error when no response came back, such as a refused connection.
    var error: String?
    /// The start of the response body, for seeing why a receiver rejected an event.
    var responseBody: String?
    var attemptedAt: Date
    var durationMilliseconds: Int
    /// When the next attempt runs; nil after a success or the last attempt.
    var nextRetryAt: Date?

    /// Stripe counts any 2xx status as delivered.
    var succeeded: Bool {
        status.map { (200..<300).contains($0) } ?? false
    }

    /// The attempt as reported by the control API.
    var controlJSON: JSONValue {
        .object([
            "eventId": .string(eventID),
            "type": .string(eventType),
            "endpoint": .string(endpointID),
            "url": .string(url),
            "attempt": .integer(Int64(attempt)),
            "status": status.map { .integer(Int64($0)) } ?? .null,
            "error": .optional(error),
            "responseBody": .optional(responseBody),
            "succeeded": .bool(succeeded),
            "attemptedAt": .string(AgentRefJSON.formatTimestamp(attemptedAt)),
            "durationMs": .integer(Int64(durationMilliseconds)),
            "nextRetryAt": nextRetryAt.map { .string(AgentRefJSON.formatTimestamp($0)) } ?? .null,
        ])
    }
}
