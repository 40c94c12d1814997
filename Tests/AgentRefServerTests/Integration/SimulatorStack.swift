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
    let simulator: StripeSimulatorApp
    let simulatorURL: URL
    let server: AgentRefServerApp
    let serverURL: URL
    let key = APIKey.makeTestKey()
    let http = OutboundHTTPClient(timeout: 20)

    /// Starts the simulator, then the server.
    ///
    /// - Parameter persistsSimulator: False keeps the simulator's state in memory, which
    ///   saves a file write per change when a test starts many stacks.
    /// - Throws: The error of the app that failed to start; the other one is stopped.
    init(persistsSimulator: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-integration-\(UUID().uuidString)")
        let simulatorDirectory = persistsSimulator ? directory.appendingPathComponent("sim") : nil
        simulator = StripeSimulatorApp(
            configuration: SimulatorConfiguration(
                dataDirectory: simulatorDirectory, deliveryRetryBaseSeconds: 0.05, maxDeliveryAttempts: 3
            ),
            logger: .silent
        )
        simulatorURL = try simulator.start()

        var configuration = ServerConfiguration(
            port: 0, dataDirectory: directory.appendingPathComponent("server"), apiKeys: [key],
            stripeAPIBase: simulatorURL, stripeConnectBase: simulatorURL
        )
        configuration.seedDemoData = false
        server = AgentRefServerApp(configuration: configuration, logger: .silent)
        do {
            serverURL = try server.start()
        } catch {
            simulator.stop()
            throw error
        }
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

    /// Opens the authUrl, submits the simulator's form unchanged, follows the redirect to the
    /// server's callback, and returns the connected account.
    func connectThroughAuthorizeForm(_ program: String) throws -> String {
        let authURL = try XCTUnwrap(
            api("POST", "/programs/\(program)/connect-stripe", ["method": "oauth_url"]).value(at: "data.authUrl")?.stringValue
        )
        let page = try http.send(method: "GET", url: URL(string: authURL)!)
        let form = try XCTUnwrap(HTMLForm(page: String(decoding: page.body, as: UTF8.self)))
        XCTAssertEqual(form.method, "post")

        let action = URL(string: form.action, relativeTo: URL(string: authURL)!)!.absoluteURL
        let callback = try http.send(
            method: "POST", url: action, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(form.fields).utf8)
        )
        XCTAssertEqual(callback.status, 200, String(decoding: callback.body, as: UTF8.self))

        let detail = try api("GET", "/programs/\(program)/stripe")["data"]
        XCTAssertEqual(detail?["status"]?.stringValue, "connected")
        return try XCTUnwrap(detail?["stripeAccountId"]?.stringValue)
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
}
