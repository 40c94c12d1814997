import Foundation

/// An HTTP request as the embedded server received it, with the whole body read.
public struct HTTPRequest: Sendable {
    /// Upper-case method such as `GET`.
    public var method: String
    /// The percent-decoded path without the query string, such as `/api/v1/programs`.
    public var path: String
    /// Query parameters in the order they arrived, percent-decoded.
    public var queryItems: [(name: String, value: String)]
    /// Header fields with lower-case names; repeated fields are joined with `, `.
    public var headers: [String: String]
    /// The raw body, exactly as sent, which webhook signature checks depend on.
    public var body: Data
    /// Values of `:name` segments of the route that matched.
    public var pathParameters: [String: String] = [:]

    public init(
        method: String,
        path: String,
        queryItems: [(name: String, value: String)] = [],
        headers: [String: String] = [:],
        body: Data = Data()
    ) {
        self.method = method.uppercased()
        self.path = path
        self.queryItems = queryItems
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { "\($0), \($1)" })
        self.body = body
    }

    /// The value of the header `name`, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The first value of the query parameter `name`.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The value of the route segment `:name`; empty when the route has no such segment.
    public func parameter(_ name: String) -> String {
        pathParameters[name] ?? ""
    }

    /// The body decoded as `application/x-www-form-urlencoded`.
    public var formItems: [(name: String, value: String)] {
        FormEncoding.decode(String(decoding: body, as: UTF8.self))
    }
}
