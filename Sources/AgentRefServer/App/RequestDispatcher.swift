import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Stamps a request id on every request, authenticates and rate-limits `/api/v1`, routes,
/// and turns every error into AgentRef's error envelope with `X-Request-Id`.
struct RequestDispatcher: Sendable {
    let router: Router
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let logger: Logger

    func handle(_ incoming: HTTPRequest) -> HTTPResponse {
        let started = Date()
        var request = incoming
        let requestID = IdentifierGenerator.make(prefix: "req")
        request.headers[HTTPRequest.requestIDHeader] = requestID

        var rateHeaders: [(name: String, value: String)] = []
        var response: HTTPResponse
        do {
            if request.path.hasPrefix(APIRoutes.prefix) {
                rateHeaders = try admit(request)
            }
            response = try route(request)
        } catch let error as APIError {
            logger.log(error.status >= 500 ? .error : .info, "request rejected", [
                .requestID: requestID, .method: request.method, .path: request.path, .status: String(error.status),
                .reason: error.code + ": " + error.message,
            ])
            response = request.writer.error(error)
        } catch {
            logger.error("request failed", [
                .requestID: requestID, .method: request.method, .path: request.path, .error: String(describing: error),
            ])
            response = request.writer.error(.internalError(requestID: requestID))
        }

        for header in rateHeaders {
            response.setHeader(header.name, header.value)
        }
        response.setHeader("X-Request-Id", requestID)
        logger.debug("request handled", [
            .requestID: requestID, .method: request.method, .path: request.path, .status: String(response.status),
            .duration: String(Int(Date().timeIntervalSince(started) * 1000)),
        ])
        return response
    }

    /// Authenticates and takes a rate-limit token; returns the `X-RateLimit-*` headers.
    private func admit(_ request: HTTPRequest) throws -> [(name: String, value: String)] {
        let key = try authenticator.authenticate(request)
        let decision = rateLimiter.take(for: key)
        guard decision.allowed else {
            logger.warning("rate limit reached", [.key: key.redacted, .path: request.path])
            var error = APIError(
                status: 429, code: "RATE_LIMITED",
                message: "too many requests for this API key: the limit is \(decision.limit) a minute; "
                    + "retry after \(decision.retryAfterSeconds) s"
            )
            error.headers = decision.headers + [("Retry-After", String(decision.retryAfterSeconds))]
            throw error
        }
        return decision.headers
    }

    private func route(_ request: HTTPRequest) throws -> HTTPResponse {
        switch router.match(request) {
        case .found(let handler, let matched):
            return try handler(matched)
        case .methodNotAllowed(let allowed):
            throw APIError.methodNotAllowed(method: request.method, path: request.path, allowed: allowed)
        case .notFound:
            throw APIError.notFound("no route for \(request.method) \(request.path); docs/api.md lists the routes")
        }
    }
}
