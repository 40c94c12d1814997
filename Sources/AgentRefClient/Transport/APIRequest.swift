import Foundation

/// One call to the AgentRef API before it is turned into a `URLRequest`: method, path
/// below the base URL, query and body.
struct APIRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case delete = "DELETE"
    }

    var method: Method
    /// Path segments below the base URL, unescaped, such as `["programs", "prg_1", "stats"]`.
    var pathSegments: [String]
    /// Query parameters in order; a nil value leaves the parameter out.
    var query: [(name: String, value: String?)]
    /// JSON body, or nil for none.
    var body: Data?
    /// Sent as `Idempotency-Key`; a POST with one may be retried.
    var idempotencyKey: String?

    init(
        _ method: Method,
        _ pathSegments: [String],
        query: [(name: String, value: String?)] = [],
        body: Data? = nil,
        idempotencyKey: String? = nil
    ) {
        self.method = method
        self.pathSegments = pathSegments
        self.query = query
        self.body = body
        self.idempotencyKey = idempotencyKey
    }

    /// True when repeating the request after a network error or a 5xx cannot apply it
    /// twice: GET always, POST only with an idempotency key, DELETE never.
    var isSafeToRepeat: Bool {
        switch method {
        case .get: true
        case .post: idempotencyKey != nil
        case .delete: false
        }
    }

    /// The path below the base URL with the query, such as `/programs?limit=20`, for logs
    /// and messages.
    var displayPath: String {
        let path = "/" + pathSegments.map(Self.escape).joined(separator: "/")
        let query = encodedQuery
        return query.isEmpty ? path : path + "?" + query
    }

    /// Builds the full URL below `baseURL`, percent-encoding every segment and query value so
    /// that ids and opaque cursors (which may contain `+`, `/` and `=`) arrive unchanged.
    func url(relativeTo baseURL: URL) -> URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        let segments = pathSegments.map(Self.escape).joined(separator: "/")
        components.percentEncodedPath = components.percentEncodedPath + "/" + segments
        let query = encodedQuery
        components.percentEncodedQuery = query.isEmpty ? nil : query
        return components.url!
    }

    private var encodedQuery: String {
        query.compactMap { item in
            item.value.map { Self.escape(item.name) + "=" + Self.escape($0) }
        }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    )

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
