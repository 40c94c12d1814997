import AgentRefDomain
import Foundation

/// The `meta` member of every AgentRef response; list responses fill the paging fields.
struct ResponseMeta: Decodable, Sendable {
    var requestId: String?
    var total: Int?
    var page: Int?
    var pageSize: Int?
    var hasMore: Bool?
    var nextCursor: String?
    /// Rejected webhook deliveries by reason; only `GET /programs/{id}/stripe/events` sends it.
    var rejectedSignatures: [String: Int]?
}

/// `{"data": …, "meta": {…}}`, the shape of every successful response.
struct DataEnvelope<Payload: Decodable>: Decodable {
    var data: Payload
    var meta: ResponseMeta?
}

/// `{"error": {"code", "message", "details"}, "meta": {"requestId"}}`.
struct ErrorEnvelope: Decodable {
    struct Body: Decodable {
        var code: String?
        var message: String?
        var details: JSONValue?
    }

    var error: Body
    var meta: ResponseMeta?
}
