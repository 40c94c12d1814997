import AgentRefDomain
import Foundation
import ServiceKit
import StripeSimulator
import XCTest

@testable import AgentRefServer

/// A real Stripe simulator and a real AgentRef server pointed at it, each on loopback with
/// its own folder under a fresh temporary directory, and the calls tests make to both.
final class SimulatorStack {
    let directory: URL
    private(set) var simulator: StripeSimulatorApp
    private(set) var simulatorURL: URL
    private(set) var server: AgentRefServerApp
    private(set) var serverURL: URL
    let key = APIKey.makeTestKey()
    let http = OutboundHTTPClient(timeout: 20)
    private let simulatorDirectory: URL?
    private let simulatorOptions: SimulatorOptions
    private let serverConfiguration: ServerConfiguration
    private let cleanupRetryDelay: TimeInterval

    /// Starts the simulator, then the server.
    ///
    /// - Parameters:
    ///   - persistsSimulator: False keeps the simulator's state in memory, which saves a
    ///     file write per change when a test starts many stacks.
    ///   - cleanupRetryDelay: Seconds before the server retries a failed Stripe cleanup.
    ///   - webhookMode: The server's `stripeWebhookMode`.
    ///   - restrictReadOnlyGrants: Makes the simulator refuse endpoint writes to `read_only` grants.
    ///   - webhookSecret: The signing secret the simulator gives every endpoint, so a test can
    ///     sign deliveries itself; nil gives each a random one.
    /// - Throws: The error of the app that failed to start; the other one is stopped.
    init(
        persistsSimulator: Bool = true,
        cleanupRetryDelay: TimeInterval = 2,
        webhookMode: StripeWebhookMode = .auto,
        restrictReadOnlyGrants: Bool = false,
        webhookSecret: String? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-integration-\(UUID().uuidString)")
        simulatorDirectory = persistsSimulator ? directory.appendingPathComponent("sim") : nil
        simulatorOptions = SimulatorOptions(
            restrictReadOnlyGrants: restrictReadOnlyGrants, webhookSecret: webhookSecret
        )
        simulator = Self.makeSimulator(port: 0, directory: simulatorDirectory, options: simulatorOptions)
        simulatorURL = try simulator.start()

        var configuration = ServerConfiguration(
            port: 0, dataDirectory: directory.appendingPathComponent("server"), apiKeys: [key],
            stripeAPIBase: simulatorURL, stripeConnectBase: simulatorURL
        )
        configuration.seedDemoData = false
        configuration.stripeWebhookMode = webhookMode
        serverConfiguration = configuration
        self.cleanupRetryDelay = cleanupRetryDelay
        server = AgentRefServerApp(
            configuration: configuration, logger: .silent, clock: ServerClock(), cleanupRetryDelay: cleanupRetryDelay
        )
        do {
            serverURL = try server.start()
        } catch {
            simulator.stop()
            throw error
        }
    }

    /// Simulator settings kept for restarts.
    private struct SimulatorOptions {
        var restrictReadOnlyGrants: Bool
        var webhookSecret: String?
    }

    private static func makeSimulator(port: UInt16, directory: URL?, options: SimulatorOptions) -> StripeSimulatorApp {
        StripeSimulatorApp(
            configuration: SimulatorConfiguration(
                port: port, dataDirectory: directory, webhookSecret: options.webhookSecret,
                deliveryRetryBaseSeconds: 0.05, maxDeliveryAttempts: 3,
                restrictReadOnlyGrants: options.restrictReadOnlyGrants
            ),
            logger: .silent
        )
    }

    /// Stops the server and starts it again on the same port with the same database.
    func restartServer() throws {
        server.stop()
        var configuration = serverConfiguration
        configuration.port = UInt16(serverURL.port ?? 0)
        server = AgentRefServerApp(
            configuration: configuration, logger: .silent, clock: ServerClock(), cleanupRetryDelay: cleanupRetryDelay
        )
        serverURL = try server.start()
    }

    /// Stops the simulator and starts it again on the same port with the same state file,
    /// so the server's Stripe URL stays valid.
    func restartSimulator() throws {
        let port = UInt16(simulatorURL.port ?? 0)
        simulator.stop()
        simulator = Self.makeSimulator(port: port, directory: simulatorDirectory, options: simulatorOptions)
        simulatorURL = try simulator.start()
    }

    /// Stops both apps and deletes their folders.
    func stop() {
        server.stop()
        simulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Calls `/api/v1<path>` with the stack's key, asserts a 2xx status and returns the body.
    @discardableResult
    func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> JSONValue {
        let response = try http.send(
            method: method, url: URL(string: serverURL.absoluteString + "/api/v1" + path)!,
            headers: ["Authorization": "Bearer \(key.secret)", "Content-Type": "application/json"],
            body: try body.map { try JSONSerialization.data(withJSONObject: $0) }
        )
        XCTAssertTrue(
            (200..<300).contains(response.status),
            "\(method) \(path): \(response.status) \(String(decoding: response.body, as: UTF8.self))"
        )
        return try JSONDecoder().decode(JSONValue.self, from: response.body)
    }

    /// Posts `body` to the simulator's control API and returns the decoded response.
    func simulatorControl(_ path: String, _ body: [String: Any], expectedStatus: Int = 200) throws -> JSONValue {
        let response = try http.send(
            method: "POST", url: URL(string: simulatorURL.absoluteString + path)!,
            headers: ["Content-Type": "application/json"], body: try JSONSerialization.data(withJSONObject: body)
        )
        XCTAssertEqual(response.status, expectedStatus, String(decoding: response.body, as: UTF8.self))
        return try JSONDecoder().decode(JSONValue.self, from: response.body)
    }

    /// Opens the authUrl, submits the simulator's form (unchanged, or with `account` chosen),
    /// follows the redirect to the server's callback, and returns the connected account.
    func connectThroughAuthorizeForm(_ program: String, account: String? = nil) throws -> String {
        let callback = try authorize(program, account: account)
        XCTAssertEqual(callback.status, 200, String(decoding: callback.body, as: UTF8.self))

        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(detail?["status"]?.stringValue, "connected")
        return try XCTUnwrap(detail?["stripeAccountId"]?.stringValue)
    }

    /// Requests an authUrl for `program` and submits the simulator's form; returns the
    /// server's callback response, whatever its status.
    func authorize(_ program: String, account: String? = nil) throws -> OutboundHTTPClient.Response {
        let started = try api("POST", "/programs/\(program)/connect-stripe", ["method": "oauth_url"])
        let authURL = try XCTUnwrap(started.value(at: "data.authUrl")?.stringValue)
        return try Self.submitAuthorizeForm(authURL, http: http, account: account)
    }

    /// Submits the authorize page's form, unchanged or with `account` chosen; returns the
    /// server's callback response.
    static func submitAuthorizeForm(
        _ authURL: String, http: OutboundHTTPClient, account: String? = nil
    ) throws -> OutboundHTTPClient.Response {
        let page = try http.send(method: "GET", url: URL(string: authURL)!)
        var form = try XCTUnwrap(HTMLForm(page: String(decoding: page.body, as: UTF8.self)))
        XCTAssertEqual(form.method, "post")
        if let account {
            form.fields = form.fields.map { $0.name == "account" ? ("account", account) : $0 }
        }

        let action = URL(string: form.action, relativeTo: URL(string: authURL)!)!.absoluteURL
        return try http.send(
            method: "POST", url: action, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(form.fields).utf8)
        )
    }

    /// Deletes `endpoint` and creates another with `url` through the platform's key, as a
    /// second installation would; returns the new endpoint's id.
    func replaceEndpoint(_ endpoint: String, account: String, url: String) throws -> String {
        let headers = ["Authorization": "Bearer sk_test_inspector", "Stripe-Account": account]
        let deleted = try http.send(
            method: "DELETE", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints/\(endpoint)"), headers: headers
        )
        XCTAssertEqual(deleted.status, 200)

        var createHeaders = headers
        createHeaders["Content-Type"] = "application/x-www-form-urlencoded"
        let form = [("url", url)] + StripeEventType.subscribed.map { ("enabled_events[]", $0.rawValue) }
        let created = try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints"), headers: createHeaders,
            body: Data(FormEncoding.encode(form).utf8)
        )
        XCTAssertEqual(created.status, 200, String(decoding: created.body, as: UTF8.self))
        return try XCTUnwrap(try JSONDecoder().decode(JSONValue.self, from: created.body)["id"]?.stringValue)
    }

    /// Lists the webhook endpoints of `account` through the simulator's Stripe API.
    func endpoints(account: String) throws -> [JSONValue] {
        let response = try http.send(
            method: "GET", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints"),
            headers: ["Authorization": "Bearer sk_test_inspector", "Stripe-Account": account]
        )
        XCTAssertEqual(response.status, 200)
        return try JSONDecoder().decode(JSONValue.self, from: response.body)["data"]?.arrayValue ?? []
    }

    /// Lists the platform's own webhook endpoints, Connect endpoints included, through the
    /// simulator's Stripe API with the platform key and no `Stripe-Account`.
    func platformEndpoints() throws -> [JSONValue] {
        let response = try http.send(
            method: "GET", url: simulatorURL.appendingPathComponent("v1/webhook_endpoints"),
            headers: ["Authorization": "Bearer sk_test_inspector"]
        )
        XCTAssertEqual(response.status, 200)
        return try JSONDecoder().decode(JSONValue.self, from: response.body)["data"]?.arrayValue ?? []
    }

    /// Sends `body` to the server's `path` as Stripe delivers an event; returns the response.
    func postWebhook(_ path: String, body: Data, signature: String?) throws -> OutboundHTTPClient.Response {
        var headers = ["Content-Type": "application/json; charset=utf-8"]
        headers["Stripe-Signature"] = signature
        let url = URL(string: serverURL.absoluteString + path)!
        return try http.send(method: "POST", url: url, headers: headers, body: body)
    }

    /// Creates a recurring program with affiliate `jane20` and records one click for it.
    func makeProgramWithClick(name: String = "Integration", percent: Double = 20) throws
        -> (program: String, cid: String)
    {
        let program = try XCTUnwrap(api("POST", "/programs", [
            "name": name, "commissionType": "recurring", "commissionPercent": percent,
        ]).value(at: "data.id")?.stringValue)
        try api("POST", "/programs/\(program)/affiliates", ["code": "jane20"])
        let cid = try XCTUnwrap(api("POST", "/clicks", ["programId": program, "affiliateCode": "jane20"])
            .value(at: "data.cid")?.stringValue)
        return (program, cid)
    }

    /// Withdraws the platform's access to `account` behind the server's back, as the
    /// merchant's side of `POST /oauth/deauthorize` would; returns the simulator's response.
    func deauthorizeBehindServer(_ account: String) throws -> OutboundHTTPClient.Response {
        try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("oauth/deauthorize"),
            headers: [
                "Authorization": "Bearer sk_test_merchant_side", "Content-Type": "application/x-www-form-urlencoded",
            ],
            body: Data(FormEncoding.encode([("client_id", "ca_agentref_local"), ("stripe_user_id", account)]).utf8)
        )
    }
}
