import Foundation

/// Maps a method and a path pattern such as `/api/v1/programs/:id/stripe` to a handler.
///
/// Patterns match segment by segment; `:name` matches any one non-empty segment and is
/// passed to the handler in `HTTPRequest.pathParameters`. Routes are tried in the order
/// they were added.
public struct Router: Sendable {
    public typealias Handler = @Sendable (HTTPRequest) throws -> HTTPResponse

    private struct Route: Sendable {
        let method: String
        let segments: [Substring]
        let handler: Handler
    }

    private var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        routes.append(Route(method: method.uppercased(), segments: segments, handler: handler))
    }

    /// The outcome of matching a request.
    public enum Match {
        /// A route matched; run `handler` with `request`, which has its path parameters set.
        case found(handler: Handler, request: HTTPRequest)
        /// The path matched but not for this method; `allowed` lists the methods that would.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public func match(_ request: HTTPRequest) -> Match {
        let pathSegments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        var allowed: [String] = []

        for route in routes {
            guard let parameters = Self.parameters(of: route.segments, in: pathSegments) else { continue }
            guard route.method == request.method || (request.method == "HEAD" && route.method == "GET") else {
                allowed.append(route.method)
                continue
            }
            var matched = request
            matched.pathParameters = parameters
            return .found(handler: route.handler, request: matched)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private static func parameters(of pattern: [Substring], in path: [Substring]) -> [String: String]? {
        guard pattern.count == path.count else { return nil }

        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, path) {
            if expected.hasPrefix(":") {
                parameters[String(expected.dropFirst())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
