import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Stamps a request id on every request, authenticates and rate-limits `/api/v1`, honours
/// `Idempotency-Key` on its POST routes, routes, and turns every error into AgentRef's
/// error envelope with `X-Request-Id`. When a fault plan is configured, it injects faults
/// into `/api/v1` responses (the conversion stream included).
struct RequestDispatcher: Sendable {
    let router: Router
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let idempotency: IdempotencyGuard
    let faults: FaultInjector?
    let logger: Logger

    func handle(_ incoming: HTTPRequest) -> HTTPResponse {
        let started = Date()
        var request = incoming
        let requestID = IdentifierGenerator.make(prefix: "req")
        request.headers[HTTPRequest.requestIDHeader] = requestID

        var response: HTTPResponse
        if let faults, request.path.hasPrefix(APIRoutes.prefix) {
            response = faults.apply(
                to: request,
                statusResponse: { status, _ in request.writer.error(.injectedFault(status: status)) },
                handler: { respond(to: request) }
            )
        } else {
            response = respond(to: request)
        }

        response.setHeader("X-Request-Id", requestID)
        logger.debug("request handled", [
            .requestID: requestID, .method: request.method, .path: request.path, .status: String(response.status),
            .duration: String(Int(Date().timeIntervalSince(started) * 1000)),
        ])
        return response
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        var rateHeaders: [(name: String, value: String)] = []
        var response: HTTPResponse
        do {
            if request.path.hasPrefix(APIRoutes.prefix) {
                let (key, headers) = try admit(request)
                rateHeaders = headers
                response = try routeOnce(request, key: key)
            } else {
                response = try route(request)
            }
        } catch {
            response = errorResponse(error, request: request)
        }

        for header in rateHeaders {
            response.setHeader(header.name, header.value)
        }
        return response
    }

    /// Routes a POST with an `Idempotency-Key` through the guard, anything else directly.
    private func routeOnce(_ request: HTTPRequest, key: APIKey) throws -> HTTPResponse {
        guard request.method == "POST", let idempotencyKey = request.header(IdempotencyGuard.header) else {
            return try route(request)
        }
        return try idempotency.respond(to: request, apiKey: key, idempotencyKey: idempotencyKey) {
            do {
                return try route(request)
            } catch {
                return errorResponse(error, request: request)
            }
        }
    }

    private func errorResponse(_ error: Error, request: HTTPRequest) -> HTTPResponse {
        if let apiError = error as? APIError {
            logger.log(apiError.status >= 500 ? .error : .info, "request rejected", [
                .requestID: request.requestID, .method: request.method, .path: request.path,
                .status: String(apiError.status), .reason: apiError.code + ": " + apiError.message,
            ])
            return request.writer.error(apiError)
        }
        logger.error("request failed", [
            .requestID: request.requestID, .method: request.method, .path: request.path,
            .error: String(describing: error),
        ])
        return request.writer.error(.internalError(requestID: request.requestID))
    }

    /// Authenticates and takes a rate-limit token; returns the key and the `X-RateLimit-*` headers.
    private func admit(_ request: HTTPRequest) throws -> (APIKey, [(name: String, value: String)]) {
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
        return (key, decision.headers)
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
