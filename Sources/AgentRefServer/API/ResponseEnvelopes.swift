import AgentRefDomain

/// `{"data": …, "meta": {"requestId": …}}`.
struct DataEnvelope<Payload: Encodable>: Encodable {
    var data: Payload
    var meta: RequestMeta
}

struct RequestMeta: Encodable {
    var requestId: String
}

/// `{"data": […], "meta": {"total", "page", "pageSize", "hasMore", "nextCursor", "requestId"}}`.
struct ListEnvelope<Item: Encodable>: Encodable {
    var data: [Item]
    var meta: ListMeta
}

/// List metadata; `nextCursor` is written as `null` on the last page, and `extra` members
/// are added beside the standard ones.
struct ListMeta: Encodable {
    var total: Int
    var page: Int
    var pageSize: Int
    var hasMore: Bool
    var nextCursor: String?
    var requestId: String
    var extra: [String: JSONValue] = [:]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(total, forKey: Key("total"))
        try container.encode(page, forKey: Key("page"))
        try container.encode(pageSize, forKey: Key("pageSize"))
        try container.encode(hasMore, forKey: Key("hasMore"))
        try container.encode(nextCursor, forKey: Key("nextCursor"))
        try container.encode(requestId, forKey: Key("requestId"))
        for (name, value) in extra {
            try container.encode(value, forKey: Key(name))
        }
    }
}

/// `{"error": {"code", "message", "details"}, "meta": {"requestId"}}`, with `details` as `null` when absent.
struct ErrorEnvelope: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var details: JSONValue?

        enum CodingKeys: String, CodingKey { case code, message, details }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(details, forKey: .details)
        }
    }

    var error: Body
    var meta: RequestMeta
}
