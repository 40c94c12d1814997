import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// A stand-in for Stripe's Connect OAuth host and webhook endpoints API, speaking Stripe's
/// formats: form-encoded requests, `Stripe-Account` header, Stripe's error JSON.
///
/// Tests register authorization codes with `issueCode(for:)`, inspect the endpoints and
/// calls, and set `isFailing` to reject every request with 503 as an outage would.
final class StripeStub: @unchecked Sendable {
    struct Endpoint {
        var id: String
        var account: String
        var url: String
        var enabledEvents: [String]
        var secret: String
    }

    private let lock = NSLock()
    private var server: HTTPServer?
    private var codes: [String: String] = [:]
    private var endpointsByID: [String: Endpoint] = [:]
    private var endpointOrder: [String] = []
    private var recordedCalls: [String] = []
    private var failing = false
    private var revoked: Set<String> = []
    private var rules: [Rule] = []
    private var deauthorized: [String] = []

    /// A canned response or a delay for requests whose method and path start match, and
    /// whose `Stripe-Account` matches when `account` is set.
    private struct Rule {
        var method: String
        var pathPrefix: String
        var account: String? = nil
        var delay: TimeInterval
        var response: HTTPResponse?
    }
    private var customersByAccount: [String: [String: JSONValue]] = [:]

    static let secretKey = "sk_test_stub_platform"
    /// The `account` of endpoints created without `Stripe-Account`, on the platform itself.
    static let platformAccount = "platform"

    func start() throws -> URL {
        let server = HTTPServer(configuration: .init(port: 0), logger: .silent) { [unowned self] request in
            self.handle(request)
        }
        try server.start()
        lock.withLock { self.server = server }
        return server.baseURL
    }

    func stop() {
        lock.withLock { server }?.stop()
    }

    // MARK: - Test controls

    /// Makes a single-use authorization code that the token exchange turns into `account`.
    func issueCode(for account: String) -> String {
        let code = IdentifierGenerator.make(prefix: "ac")
        lock.withLock { codes[code] = account }
        return code
    }

    /// Accounts whose deauthorization the stub received, in order.
    var deauthorizedAccounts: [String] {
        lock.withLock { deauthorized }
    }

    /// Withdraws the platform's access to `account` without an event, as a merchant removing
    /// the application does: calls for it get 403 `account_invalid`, its deauthorization
    /// 401 `invalid_client`.
    func revoke(account: String) {
        lock.withLock { _ = revoked.insert(account) }
    }

    /// Rejects requests matching `method` and the path start (and `Stripe-Account: account`
    /// when given) with `status` and Stripe's error JSON carrying `code`, from now on.
    func reject(_ method: String, _ pathPrefix: String, status: Int, code: String?, account: String? = nil) {
        var error: [String: Any] = ["type": "invalid_request_error", "message": "stub rejects \(method) \(pathPrefix)"]
        if let code { error["code"] = code }
        let response = Self.json(["error": error], status: status)
        let rule = Rule(method: method, pathPrefix: pathPrefix, account: account, delay: 0, response: response)
        lock.withLock { rules.append(rule) }
    }

    /// Holds requests matching `method` and the path start for `seconds` before handling them.
    func delay(_ method: String, _ pathPrefix: String, seconds: TimeInterval) {
        lock.withLock { rules.append(Rule(method: method, pathPrefix: pathPrefix, delay: seconds, response: nil)) }
    }

    /// Creates an endpoint as another installation would have, with a secret this server never saw.
    @discardableResult
    func addEndpoint(account: String, url: String, events: [String] = StripeEventType.subscribed.map(\.rawValue))
        -> Endpoint
    {
        let endpoint = Endpoint(
            id: IdentifierGenerator.make(prefix: "we"), account: account, url: url, enabledEvents: events,
            secret: "whsec_" + SecureRandom.hex(byteCount: 16)
        )
        lock.withLock {
            endpointsByID[endpoint.id] = endpoint
            endpointOrder.append(endpoint.id)
        }
        return endpoint
    }

    /// Deletes an endpoint as the merchant would in the Stripe dashboard.
    func removeEndpoint(id: String) {
        lock.withLock {
            endpointsByID[id] = nil
            endpointOrder.removeAll { $0 == id }
        }
    }

    /// Makes `GET /v1/customers/{id}` with `Stripe-Account: account` return `customer`.
    func addCustomer(_ customer: JSONValue, account: String) {
        guard let id = customer["id"]?.stringValue else { return }
        lock.withLock { customersByAccount[account, default: [:]][id] = customer }
    }

    var isFailing: Bool {
        get { lock.withLock { failing } }
        set { lock.withLock { failing = newValue } }
    }

    var endpoints: [Endpoint] {
        lock.withLock { endpointOrder.compactMap { endpointsByID[$0] } }
    }

    /// Calls received, such as `DELETE /v1/webhook_endpoints/we_1 acct_1`.
    var calls: [String] {
        lock.withLock { recordedCalls }
    }

    // MARK: - Handling

    private func handle(_ request: HTTPRequest) -> HTTPResponse {
        let account = request.header("Stripe-Account")
        lock.withLock { recordedCalls.append("\(request.method) \(request.path) \(account ?? "-")") }
        let matching = lock.withLock {
            rules.filter { rule in
                request.method == rule.method && request.path.hasPrefix(rule.pathPrefix)
                    && (rule.account == nil || rule.account == account)
            }
        }
        for rule in matching where rule.delay > 0 {
            Thread.sleep(forTimeInterval: rule.delay)
        }
        if let canned = matching.compactMap(\.response).first {
            return canned
        }
        if isFailing {
            return Self.error(status: 503, type: "api_error", message: "Stripe is temporarily unavailable")
        }
        if let account, lock.withLock({ revoked.contains(account) }) {
            return Self.json(
                ["error": ["type": "invalid_request_error", "code": "account_invalid", "message": "no access to \(account)"]],
                status: 403
            )
        }
        guard request.header("Authorization") == "Bearer \(Self.secretKey)" else {
            return Self.error(status: 401, type: "invalid_request_error", message: "Invalid API Key provided")
        }

        switch (request.method, request.path) {
        case ("POST", "/oauth/token"): return exchange(request)
        case ("POST", "/oauth/deauthorize"): return deauthorize(request)
        case ("GET", "/v1/webhook_endpoints"): return list(account: account ?? Self.platformAccount)
        case ("POST", "/v1/webhook_endpoints"): return create(request, account: account ?? Self.platformAccount)
        case ("GET", _) where request.path.hasPrefix("/v1/webhook_endpoints/"):
            let id = String(request.path.dropFirst("/v1/webhook_endpoints/".count))
            return retrieve(id: id, account: account ?? Self.platformAccount)
        case ("POST", _) where request.path.hasPrefix("/v1/webhook_endpoints/"):
            return update(request, id: String(request.path.dropFirst("/v1/webhook_endpoints/".count)))
        case ("DELETE", _) where request.path.hasPrefix("/v1/webhook_endpoints/"):
            return delete(id: String(request.path.dropFirst("/v1/webhook_endpoints/".count)))
        case ("GET", _) where request.path.hasPrefix("/v1/customers/"):
            return customer(id: String(request.path.dropFirst("/v1/customers/".count)), account: account)
        default:
            return Self.error(status: 404, type: "invalid_request_error", message: "Unrecognized request URL")
        }
    }

    private func exchange(_ request: HTTPRequest) -> HTTPResponse {
        let form = Dictionary(request.formItems.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        guard form["grant_type"] == "authorization_code", let code = form["code"],
            let account = lock.withLock({ codes.removeValue(forKey: code) })
        else {
            let body = #"{"error":"invalid_grant","error_description":"Authorization code does not exist"}"#
            return .json(Data(body.utf8), status: 400)
        }
        lock.withLock { _ = revoked.remove(account) }
        return Self.json([
            "access_token": "sk_test_access_\(account)", "livemode": false, "refresh_token": "rt_1",
            "token_type": "bearer", "stripe_publishable_key": "pk_test_1", "stripe_user_id": account,
            "scope": "read_only",
        ])
    }

    private func deauthorize(_ request: HTTPRequest) -> HTTPResponse {
        let form = Dictionary(request.formItems.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        let account = form["stripe_user_id"] ?? ""
        if lock.withLock({ revoked.contains(account) }) {
            let body = #"{"error":"invalid_client","error_description":"This application is not connected"}"#
            return .json(Data(body.utf8), status: 401)
        }
        // As on Stripe, a withdrawn grant makes later calls for the account fail until the
        // merchant authorizes again.
        lock.withLock {
            deauthorized.append(account)
            _ = revoked.insert(account)
        }
        return Self.json(["stripe_user_id": account])
    }

    private func list(account: String?) -> HTTPResponse {
        let data = endpoints.filter { $0.account == account }.map { Self.object($0, includeSecret: false) }
        return Self.json(["object": "list", "url": "/v1/webhook_endpoints", "has_more": false, "data": data])
    }

    private func create(_ request: HTTPRequest, account: String?) -> HTTPResponse {
        let items = request.formItems
        guard let account, let url = items.first(where: { $0.name == "url" })?.value else {
            return Self.error(status: 400, type: "invalid_request_error", message: "Missing required param: url.")
        }
        let endpoint = Endpoint(
            id: IdentifierGenerator.make(prefix: "we"),
            account: account,
            url: url,
            enabledEvents: items.filter { $0.name == "enabled_events[]" }.map(\.value),
            secret: "whsec_" + SecureRandom.hex(byteCount: 16)
        )
        lock.withLock {
            endpointsByID[endpoint.id] = endpoint
            endpointOrder.append(endpoint.id)
        }
        return Self.json(Self.object(endpoint, includeSecret: true))
    }

    private func retrieve(id: String, account: String?) -> HTTPResponse {
        guard let endpoint = endpoints.first(where: { $0.id == id && $0.account == account }) else {
            return Self.missing(id)
        }
        return Self.json(Self.object(endpoint, includeSecret: false))
    }

    private func update(_ request: HTTPRequest, id: String) -> HTTPResponse {
        let events = request.formItems.filter { $0.name == "enabled_events[]" }.map(\.value)
        let updated: Endpoint? = lock.withLock {
            guard var endpoint = endpointsByID[id] else { return nil }
            if !events.isEmpty { endpoint.enabledEvents = events }
            endpointsByID[id] = endpoint
            return endpoint
        }
        guard let updated else { return Self.missing(id) }
        return Self.json(Self.object(updated, includeSecret: false))
    }

    private static func missing(_ id: String) -> HTTPResponse {
        let body = """
            {"error":{"type":"invalid_request_error","code":"resource_missing","param":"id",\
            "message":"No such webhook endpoint: '\(id)'"}}
            """
        return .json(Data(body.utf8), status: 404)
    }

    private func delete(id: String) -> HTTPResponse {
        guard lock.withLock({ endpointsByID.removeValue(forKey: id) }) != nil else {
            return Self.missing(id)
        }
        lock.withLock { endpointOrder.removeAll { $0 == id } }
        return Self.json(["id": id, "object": "webhook_endpoint", "deleted": true])
    }

    private func customer(id: String, account: String?) -> HTTPResponse {
        guard let account, let customer = lock.withLock({ customersByAccount[account]?[id] }) else {
            return Self.json(
                ["error": ["type": "invalid_request_error", "code": "resource_missing", "message": "No such customer: '\(id)'"]],
                status: 404
            )
        }
        return .json((try? JSONEncoder().encode(customer)) ?? Data("{}".utf8))
    }

    private static func object(_ endpoint: Endpoint, includeSecret: Bool) -> [String: Any] {
        var object: [String: Any] = [
            "id": endpoint.id, "object": "webhook_endpoint", "api_version": NSNull(), "application": NSNull(),
            "created": 1_780_000_000, "description": "stub", "enabled_events": endpoint.enabledEvents,
            "livemode": false, "metadata": [String: String](), "status": "enabled", "url": endpoint.url,
        ]
        if includeSecret { object["secret"] = endpoint.secret }
        return object
    }

    private static func json(_ object: [String: Any], status: Int = 200) -> HTTPResponse {
        .json(try! JSONSerialization.data(withJSONObject: object), status: status)
    }

    private static func error(status: Int, type: String, message: String) -> HTTPResponse {
        json(["error": ["type": type, "message": message]], status: status)
    }
}
