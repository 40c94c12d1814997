import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit

/// Calls Stripe's Connect OAuth host and API host with the platform's secret key.
///
/// Requests are form-encoded as Stripe expects, calls on a connected account carry the
/// `Stripe-Account` header, and Stripe's error JSON becomes `StripeAPIError.rejected` with
/// Stripe's message. The webhook endpoint calls take `account: nil` to act on the
/// platform's own account, where the platform Connect endpoint lives.
final class StripeAPIClient: Sendable {
    let apiBase: URL
    let connectBase: URL
    let clientID: String
    private let secretKey: String
    private let http: OutboundHTTPClient
    private let logger: Logger

    init(apiBase: URL, connectBase: URL, clientID: String, secretKey: String, http: OutboundHTTPClient, logger: Logger) {
        self.apiBase = apiBase
        self.connectBase = connectBase
        self.clientID = clientID
        self.secretKey = secretKey
        self.http = http
        self.logger = logger
    }

    /// Builds the Connect authorize URL the merchant opens to grant the platform access.
    func authorizeURL(state: String, redirectURI: String) -> String {
        let query = FormEncoding.encode([
            ("response_type", "code"),
            ("client_id", clientID),
            ("scope", "read_only"),
            ("state", state),
            ("redirect_uri", redirectURI),
        ])
        return url(connectBase, "oauth/authorize").absoluteString + "?" + query
    }

    /// Exchanges an authorization code (`POST /oauth/token`) for the connected account's id.
    ///
    /// - Returns: `stripe_user_id`, such as `acct_1SimNorthwind01`.
    /// - Throws: `StripeAPIError`, for example `invalid_grant` for a used or expired code.
    func exchangeAuthorizationCode(_ code: String) throws -> String {
        let json = try send(
            "POST", url(connectBase, "oauth/token"),
            form: [("grant_type", "authorization_code"), ("code", code)]
        )
        guard let account = json["stripe_user_id"]?.stringValue else {
            throw StripeAPIError.invalidResponse(request: "POST /oauth/token", message: "no stripe_user_id in the response")
        }
        return account
    }

    /// Withdraws the platform's access to `accountId` (`POST /oauth/deauthorize`).
    func deauthorize(accountId: String) throws {
        _ = try send(
            "POST", url(connectBase, "oauth/deauthorize"),
            form: [("client_id", clientID), ("stripe_user_id", accountId)]
        )
    }

    /// Lists every webhook endpoint of the account, following `has_more` pages.
    func listWebhookEndpoints(account: String?) throws -> [WebhookEndpoint] {
        var endpoints: [WebhookEndpoint] = []
        var startingAfter: String?
        repeat {
            var items = [("limit", "100")]
            if let startingAfter { items.append(("starting_after", startingAfter)) }
            let listURL = URL(string: url(apiBase, "v1/webhook_endpoints").absoluteString + "?" + FormEncoding.encode(items))!
            let json = try send("GET", listURL, account: account)

            let page = json["data"]?.arrayValue?.compactMap(WebhookEndpoint.init(json:)) ?? []
            endpoints += page
            startingAfter = json["has_more"]?.boolValue == true ? page.last?.id : nil
        } while startingAfter != nil
        return endpoints
    }

    /// Creates an endpoint on the account that receives `events` at `url`.
    ///
    /// - Parameter connect: Creates a platform Connect endpoint, which receives the events of
    ///   every connected account; only valid with `account: nil`.
    /// - Returns: The endpoint, with its signing `secret`.
    func createWebhookEndpoint(
        account: String?, url endpointURL: String, events: [String], description: String, connect: Bool = false
    ) throws -> WebhookEndpoint {
        var form: [(name: String, value: String)] = [("url", endpointURL)]
        form += events.map { ("enabled_events[]", $0) }
        form.append(("description", description))
        if connect { form.append(("connect", "true")) }

        let json = try send("POST", url(apiBase, "v1/webhook_endpoints"), account: account, form: form)
        guard let endpoint = WebhookEndpoint(json: json), endpoint.secret != nil else {
            throw StripeAPIError.invalidResponse(
                request: "POST /v1/webhook_endpoints", message: "no endpoint id, url or secret in the response"
            )
        }
        return endpoint
    }

    /// Reads one endpoint of the account (`GET /v1/webhook_endpoints/{id}`), without its secret.
    func retrieveWebhookEndpoint(account: String?, id: String) throws -> WebhookEndpoint {
        let json = try send("GET", url(apiBase, "v1/webhook_endpoints/\(id)"), account: account)
        guard let endpoint = WebhookEndpoint(json: json) else {
            throw StripeAPIError.invalidResponse(
                request: "GET /v1/webhook_endpoints/\(id)", message: "no endpoint id or url in the response"
            )
        }
        return endpoint
    }

    /// Enables an endpoint and sets its events, and its URL when given
    /// (`POST /v1/webhook_endpoints/{id}`); the endpoint keeps its id and signing secret.
    func updateWebhookEndpoint(account: String?, id: String, url endpointURL: String? = nil, events: [String]) throws {
        var form: [(name: String, value: String)] = events.map { ("enabled_events[]", $0) }
        form.append(("disabled", "false"))
        if let endpointURL { form.append(("url", endpointURL)) }
        _ = try send("POST", url(apiBase, "v1/webhook_endpoints/\(id)"), account: account, form: form)
    }

    /// Deletes an endpoint; an endpoint that no longer exists counts as deleted.
    func deleteWebhookEndpoint(account: String?, id: String) throws {
        do {
            _ = try send("DELETE", url(apiBase, "v1/webhook_endpoints/\(id)"), account: account)
        } catch let error as StripeAPIError where error.isResourceMissing {
            logger.info("webhook endpoint already gone", [.endpointID: id, .accountID: account ?? "platform"])
        }
    }

    /// Reads the connected account (`GET /v1/account` with `Stripe-Account`), which succeeds
    /// while the platform has access to it.
    ///
    /// - Throws: `StripeAPIError`, such as 403 `account_invalid` once access was withdrawn.
    func retrieveAccount(_ account: String) throws {
        _ = try send("GET", url(apiBase, "v1/account"), account: account)
    }

    /// Reads a customer of the account (`GET /v1/customers/{id}`), for its metadata.
    ///
    /// - Throws: `StripeAPIError`, for example `resource_missing` for an unknown customer.
    func retrieveCustomer(account: String, id: String) throws -> JSONValue {
        try send("GET", url(apiBase, "v1/customers/\(id)"), account: account)
    }

    // MARK: - Transport

    private func url(_ base: URL, _ path: String) -> URL {
        base.appendingPathComponent(path)
    }

    private func send(
        _ method: String,
        _ url: URL,
        account: String? = nil,
        form: [(name: String, value: String)]? = nil
    ) throws -> JSONValue {
        let label = "\(method) \(url.path)"
        var headers = ["Authorization": "Bearer \(secretKey)"]
        if let account { headers["Stripe-Account"] = account }
        if form != nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }

        let response: OutboundHTTPClient.Response
        do {
            response = try http.send(method: method, url: url, headers: headers, body: form.map { Data(FormEncoding.encode($0).utf8) })
        } catch OutboundHTTPError.transport(_, let message) {
            throw StripeAPIError.unreachable(url: url.absoluteString, message: message)
        } catch {
            throw StripeAPIError.unreachable(url: url.absoluteString, message: String(describing: error))
        }

        let json = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        guard (200..<300).contains(response.status) else {
            throw Self.rejection(label, status: response.status, json: json, body: response.body)
        }
        guard let json else {
            throw StripeAPIError.invalidResponse(request: label, message: "body is not JSON")
        }
        return json
    }

    private static func rejection(_ label: String, status: Int, json: JSONValue?, body: Data) -> StripeAPIError {
        if let error = json?["error"], error.objectValue != nil {
            return .rejected(
                request: label, status: status,
                type: error["type"]?.stringValue, code: error["code"]?.stringValue,
                message: error["message"]?.stringValue ?? "no message"
            )
        }
        if let code = json?["error"]?.stringValue {
            let message = json?["error_description"]?.stringValue ?? code
            return .rejected(request: label, status: status, type: nil, code: code, message: message)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return .rejected(request: label, status: status, type: nil, code: nil, message: text.isEmpty ? "empty body" : text)
    }
}
