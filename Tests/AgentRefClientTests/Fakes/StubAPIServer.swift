import AgentRefDomain
import Foundation
import ServiceKit

/// A small AgentRef-shaped API on loopback for client tests: routes under `/api/v1`
/// respond with the API's envelopes, every request is recorded, and unknown routes
/// get the API's 404 NOT_FOUND envelope.
final class StubAPIServer: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private let lock = NSLock()
    private var routes: [(method: String, path: String, handler: Handler)] = []
    private var router = Router()
    private var recorded: [HTTPRequest] = []
    private var server: HTTPServer?

    /// Registers `handler` for `method` and a path below `/api/v1`, such as `/programs/:id`,
    /// replacing an earlier handler for the same method and path.
    func route(_ method: String, _ path: String, _ handler: @escaping Handler) {
        lock.withLock {
            routes.removeAll { $0.method == method && $0.path == path }
            routes.append((method, path, handler))

            var rebuilt = Router()
            for route in routes {
                let handler = route.handler
                rebuilt.add(route.method, "/api/v1" + route.path) { request in handler(request) }
            }
            router = rebuilt
        }
    }

    /// Registers a route that responds with `responses` in turn and then repeats the last one.
    func script(_ method: String, _ path: String, _ responses: [HTTPResponse]) {
        let queue = ResponseQueue(responses)
        route(method, path) { _ in queue.next() }
    }

    /// Starts on a free port and returns the API base URL (`http://127.0.0.1:<port>/api/v1`).
    func start(port: UInt16 = 0) throws -> URL {
        let server = HTTPServer(configuration: .init(port: port), logger: .silent) { [unowned self] request in
            self.handle(request)
        }
        try server.start()
        lock.withLock { self.server = server }
        return server.baseURL.appendingPathComponent("api/v1")
    }

    func stop() {
        let server = lock.withLock { self.server }
        server?.stop()
    }

    /// The port the server listens on; 0 before `start()`.
    var port: UInt16 {
        lock.withLock { server?.port ?? 0 }
    }

    /// Requests received so far, oldest first.
    var requests: [HTTPRequest] {
        lock.withLock { recorded }
    }

    /// Requests received for a path below `/api/v1`.
    func requests(to path: String) -> [HTTPRequest] {
        requests.filter { $0.path == "/api/v1" + path }
    }

    private func handle(_ request: HTTPRequest) -> HTTPResponse {
        let router = lock.withLock {
            recorded.append(request)
            return self.router
        }

        switch router.match(request) {
        case .found(let handler, let matched):
            return (try? handler(matched)) ?? StubResponses.error(500, "INTERNAL_ERROR", "stub handler threw")
        case .methodNotAllowed(let allowed):
            var response = StubResponses.error(405, "BAD_REQUEST", "Method \(request.method) not allowed")
            response.setHeader("Allow", allowed.joined(separator: ", "))
            return response
        case .notFound:
            return StubResponses.error(404, "NOT_FOUND", "Route \(request.method) \(request.path) not found")
        }
    }
}

/// Responses handed out in order; the last one repeats.
final class ResponseQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: [HTTPResponse]

    init(_ responses: [HTTPResponse]) {
        remaining = responses
    }

    func next() -> HTTPResponse {
        lock.withLock {
            remaining.count > 1 ? remaining.removeFirst() : remaining[0]
        }
    }
}
