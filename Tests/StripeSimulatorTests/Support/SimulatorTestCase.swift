import AgentRefLog
import Foundation
import ServiceKit
@testable import StripeSimulator
import XCTest

/// A test case with a running simulator on loopback and helpers for its routes.
class SimulatorTestCase: XCTestCase {
    static let platformKey = "sk_test_platform_key_for_tests_0001"
    static let clientID = "ca_agentref_tests"
    static let callbackURL = "http://127.0.0.1:9/oauth/stripe/callback"
    static let northwind = SimulatedAccount.merchants[0].id
    static let harbor = SimulatedAccount.merchants[1].id
    static let subscribedEvents = [
        "checkout.session.completed", "invoice.paid", "charge.succeeded", "charge.refunded",
        "customer.subscription.deleted",
    ]

    var app: StripeSimulatorApp!
    var baseURL: URL!
    let http = TestHTTPClient()
    let clock = TestClock()
    private var receivers: [WebhookReceiver] = []

    /// Fast retries so retry tests finish quickly: 50 ms, then 100 ms, 3 attempts in all.
    static func testConfiguration(dataDirectory: URL? = nil, webhookSecret: String? = nil) -> SimulatorConfiguration {
        SimulatorConfiguration(
            port: 0, dataDirectory: dataDirectory, webhookSecret: webhookSecret,
            deliveryRetryBaseSeconds: 0.05, maxDeliveryAttempts: 3
        )
    }

    func startSimulator(_ configuration: SimulatorConfiguration = testConfiguration(), logger: Logger = .silent) throws {
        let clock = self.clock
        app = StripeSimulatorApp(configuration: configuration, logger: logger, clock: { clock.now })
        baseURL = try app.start()
    }

    func restartSimulator(_ configuration: SimulatorConfiguration, logger: Logger = .silent) throws {
        app.stop()
        try startSimulator(configuration, logger: logger)
    }

    override func tearDown() {
        app?.stop()
        receivers.forEach { $0.stop() }
        http.invalidate()
        super.tearDown()
    }

    func makeReceiver() throws -> WebhookReceiver {
        let receiver = try WebhookReceiver()
        receivers.append(receiver)
        return receiver
    }

    // MARK: Requests

    func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + path)!
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> TestHTTPClient.Response {
        try http.send("GET", url(path), headers: headers)
    }

    func delete(_ path: String, headers: [String: String] = [:]) throws -> TestHTTPClient.Response {
        try http.send("DELETE", url(path), headers: headers)
    }

    func postForm(
        _ path: String, _ items: [(name: String, value: String)], headers: [String: String] = [:]
    ) throws -> TestHTTPClient.Response {
        var allHeaders = headers
        allHeaders["Content-Type"] = "application/x-www-form-urlencoded"
        return try http.send("POST", url(path), headers: allHeaders, body: Data(FormEncoding.encode(items).utf8))
    }

    func postJSON(_ path: String, _ object: [String: Any]) throws -> TestHTTPClient.Response {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try http.send("POST", url(path), headers: ["Content-Type": "application/json"], body: body)
    }

    /// Headers that act as the platform, on `account` when given.
    func platformHeaders(account: String? = nil) -> [String: String] {
        var headers = ["Authorization": "Bearer \(Self.platformKey)"]
        headers["Stripe-Account"] = account
        return headers
    }

    // MARK: OAuth

    /// Returns the parameters the AgentRef server puts in its authorize URL.
    func authorizeItems(state: String = "state_abc", redirect: String = callbackURL) -> [(name: String, value: String)] {
        [
            ("response_type", "code"), ("client_id", Self.clientID), ("scope", "read_only"),
            ("state", state), ("redirect_uri", redirect),
        ]
    }

    /// Submits the authorize form for `account` and returns the code from the redirect.
    func authorizationCode(account: String = northwind, state: String = "state_abc") throws -> String {
        let response = try postForm("/oauth/authorize", authorizeItems(state: state) + [("account", account)])
        guard response.status == 302, let location = response.header("Location") else {
            throw TestFailure("authorize form returned \(response.status): \(response.text)")
        }
        guard let code = Self.queryItems(of: location)["code"] else {
            throw TestFailure("redirect has no code: \(location)")
        }
        return code
    }

    /// Exchanges `code` with the platform key and returns the decoded response.
    func exchange(code: String) throws -> TestHTTPClient.Response {
        try postForm(
            "/oauth/token", [("grant_type", "authorization_code"), ("code", code)],
            headers: ["Authorization": "Bearer \(Self.platformKey)"]
        )
    }

    /// Connects `account` through the whole OAuth flow and returns its access token.
    @discardableResult
    func connect(_ account: String = northwind) throws -> String {
        let response = try exchange(code: try authorizationCode(account: account))
        guard let token = try response.jsonObject()["access_token"] as? String else {
            throw TestFailure("token exchange returned \(response.status): \(response.text)")
        }
        return token
    }

    // MARK: Webhook endpoints

    /// Creates an endpoint on `account` as the platform and returns its id and secret.
    func createEndpoint(
        account: String = northwind, url: String, events: [String] = subscribedEvents
    ) throws -> (id: String, secret: String) {
        let items = [("url", url)] + events.map { ("enabled_events[]", $0) }
        let response = try postForm("/v1/webhook_endpoints", items, headers: platformHeaders(account: account))
        let object = try response.jsonObject()
        guard response.status == 200, let id = object["id"] as? String, let secret = object["secret"] as? String else {
            throw TestFailure("endpoint create returned \(response.status): \(response.text)")
        }
        return (id, secret)
    }

    /// Connects `account`, registers a new receiver on it, and returns both with the secret.
    func connectWithReceiver(
        _ account: String = northwind, events: [String] = subscribedEvents
    ) throws -> (receiver: WebhookReceiver, secret: String) {
        try connect(account)
        let receiver = try makeReceiver()
        let endpoint = try createEndpoint(account: account, url: receiver.url(), events: events)
        return (receiver, endpoint.secret)
    }

    // MARK: Control API

    /// Runs a scenario and returns the response object; fails unless the status is 200.
    func trigger(_ body: [String: Any]) throws -> [String: Any] {
        let response = try postJSON("/_sim/trigger", body)
        guard response.status == 200 else {
            throw TestFailure("trigger returned \(response.status): \(response.text)")
        }
        return try response.jsonObject()
    }

    /// Decodes the query of a redirect location as a form, so `+` is a space.
    static func queryItems(of location: String) -> [String: String] {
        let withoutFragment = location.split(separator: "#", maxSplits: 1).first.map(String.init) ?? location
        guard let mark = withoutFragment.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for item in FormEncoding.decode(String(withoutFragment[withoutFragment.index(after: mark)...])) {
            result[item.name] = item.value
        }
        return result
    }
}

/// A clock a test can move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    var now: Date {
        lock.withLock { Date().addingTimeInterval(offset) }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { offset += seconds }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Returns the value at a dotted path such as `data.object.id`.
    func value(at path: String) -> Any? {
        var current: Any? = self
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    func string(at path: String) -> String? {
        value(at: path) as? String
    }

    func int(at path: String) -> Int? {
        value(at: path) as? Int
    }
}
