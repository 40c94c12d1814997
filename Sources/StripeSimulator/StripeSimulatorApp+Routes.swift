import AgentRefLog
import Foundation
import ServiceKit

extension StripeSimulatorApp {
    /// Builds the router with every route the simulator serves.
    func makeRouter() -> Router {
        let authenticator = APIAuthenticator(store: store)
        let authorize = AuthorizeHandlers(store: store, clock: clock, logger: logger)
        let tokens = TokenHandlers(store: store, clock: clock, logger: logger)
        let endpoints = WebhookEndpointHandlers(
            store: store, authenticator: authenticator,
            permission: GrantPermission(restrictsReadOnlyGrants: configuration.restrictReadOnlyGrants),
            fixedSecret: configuration.webhookSecret, clock: clock, logger: logger
        )
        let control = ControlHandlers(
            store: store, deliverer: deliverer, restrictsReadOnlyGrants: configuration.restrictReadOnlyGrants
        )
        let accounts = AccountHandlers(authenticator: authenticator)
        let trigger = TriggerHandler(store: store, deliverer: deliverer, clock: clock, logger: logger)
        let events = EventHandlers(deliverer: deliverer, logger: logger)
        let revocation = RevocationHandler(store: store, deliverer: deliverer, clock: clock, logger: logger)
        let customers = CustomerHandlers(store: store, authenticator: authenticator)
        let replay = ReplayHandler(store: store, deliverer: deliverer, clock: clock, logger: logger)

        var router = Router()
        router.add("GET", "/oauth/authorize", authorize.showPage)
        router.add("POST", "/oauth/authorize", authorize.approve)
        router.add("GET", "/oauth/authorize/deny", authorize.deny)
        router.add("POST", "/oauth/token", tokens.exchange)
        router.add("POST", "/oauth/deauthorize", tokens.deauthorize)

        router.add("POST", "/v1/webhook_endpoints", endpoints.create)
        router.add("GET", "/v1/webhook_endpoints", endpoints.list)
        router.add("GET", "/v1/webhook_endpoints/:id", endpoints.retrieve)
        router.add("POST", "/v1/webhook_endpoints/:id", endpoints.update)
        router.add("DELETE", "/v1/webhook_endpoints/:id", endpoints.delete)
        router.add("GET", "/v1/customers/:id", customers.retrieve)
        router.add("GET", "/v1/account", accounts.retrieve)

        router.add("GET", "/_sim/accounts", control.accounts)
        router.add("POST", "/_sim/accounts/:account/revoke", revocation.revoke)
        router.add("GET", "/_sim/scenarios", control.scenarios)
        router.add("POST", "/_sim/trigger", trigger.trigger)
        router.add("POST", "/_sim/replay", replay.replay)
        router.add("POST", "/_sim/events", events.send)
        router.add("POST", "/_sim/events/:id/resend", events.resend)
        router.add("GET", "/_sim/deliveries", control.deliveries)
        return router
    }

    /// Runs the handler `router` picks for `request` and turns thrown errors into
    /// responses. Every response carries a `Request-Id` header, as Stripe's do.
    static func dispatch(_ request: HTTPRequest, router: Router, logger: Logger) -> HTTPResponse {
        var response: HTTPResponse
        switch router.match(request) {
        case .found(let handler, let matched):
            response = run(handler, matched, logger: logger)
        case .methodNotAllowed(let allowed):
            response = StripeAPIError(
                status: 405, type: "invalid_request_error", code: nil, param: nil,
                message: "\(request.method) is not allowed on \(request.path); use \(allowed.joined(separator: " or "))."
            ).response
            response.setHeader("Allow", allowed.joined(separator: ", "))
        case .notFound:
            response = StripeAPIError.unrecognizedURL(method: request.method, path: request.path).response
        }

        response.setHeader("Request-Id", StripeIdentifier.make("req_", length: 14))
        logger.debug("request served", [.method: request.method, .path: request.path, .status: String(response.status)])
        return response
    }

    private static func run(_ handler: Router.Handler, _ request: HTTPRequest, logger: Logger) -> HTTPResponse {
        do {
            return try handler(request)
        } catch let error as ResponseError {
            let response = error.response
            logger.info("request rejected", [
                .method: request.method, .path: request.path, .status: String(response.status),
                .reason: String(describing: error),
            ])
            return response
        } catch {
            logger.error("request failed", [
                .method: request.method, .path: request.path, .error: String(describing: error),
            ])
            let message = "The Stripe simulator could not complete the request: \(error)"
            return StripeAPIError.internalError(message).response
        }
    }
}
