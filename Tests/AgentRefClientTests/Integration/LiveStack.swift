import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit
import StripeSimulator
import XCTest

@testable import AgentRefServer

/// The real AgentRef server wired to the real Stripe simulator on loopback, for client
/// tests. The server can restart on the same port and data directory, with or without a
/// fault plan. Setup calls go over plain HTTP, so they never pass through the client under test.
final class LiveStack: @unchecked Sendable {
    let directory: URL
    let key = APIKey.makeTestKey()
    private(set) var simulator: StripeSimulatorApp
    private(set) var simulatorURL: URL
    private(set) var server: AgentRefServerApp
    private(set) var serverURL: URL
    private let http = OutboundHTTPClient(timeout: 10)

    /// Starts both without faults.
    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agentref-live-\(UUID().uuidString)")
        simulator = StripeSimulatorApp(
            configuration: SimulatorConfiguration(deliveryRetryBaseSeconds: 0.05, maxDeliveryAttempts: 20),
            logger: .silent
        )
        simulatorURL = try simulator.start()
        server = AgentRefServerApp(
            configuration: Self.configuration(port: 0, directory: directory, key: key, stripeURL: simulatorURL),
            logger: try Self.logger(directory: directory)
        )
        serverURL = try server.start()
    }

    private static func logger(directory: URL) throws -> Logger {
        Logger(component: "server", sink: try LogSink.file(atPath: directory.appendingPathComponent("server.log").path))
    }

    /// Returns every line the server logged so far, across restarts.
    func serverLog() -> String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    /// `http://127.0.0.1:<port>/api/v1`.
    var apiURL: URL {
        serverURL.appendingPathComponent("api/v1")
    }

    /// Stops the server and starts it again on the same port and data, with `faults`.
    func restartServer(faults: String? = nil, seed: UInt64 = 1) throws {
        server.stop()
        var configuration = Self.configuration(
            port: UInt16(serverURL.port ?? 0), directory: directory, key: key, stripeURL: simulatorURL
        )
        configuration.faults = try faults.map(FaultPlan.parse)
        configuration.faultSeed = seed
        server = AgentRefServerApp(configuration: configuration, logger: try Self.logger(directory: directory))
        serverURL = try server.start()
    }

    func stop() {
        server.stop()
        simulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func configuration(port: UInt16, directory: URL, key: APIKey, stripeURL: URL) -> ServerConfiguration {
        ServerConfiguration(
            port: port, dataDirectory: directory, apiKeys: [key], stripeAPIBase: stripeURL, stripeConnectBase: stripeURL,
            stripeAccessCheckInterval: 0
        )
    }

    // MARK: - Setup over plain HTTP

    /// Calls the API with the stack's key; fails the test on a non-2xx status.
    @discardableResult
    func api(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> JSONValue {
        let response = try http.send(
            method: method, url: URL(string: apiURL.absoluteString + path)!,
            headers: ["Authorization": "Bearer \(key.secret)", "Content-Type": "application/json"],
            body: try body.map { try JSONSerialization.data(withJSONObject: $0) }
        )
        let json = try JSONDecoder().decode(JSONValue.self, from: response.body)
        guard (200..<300).contains(response.status) else {
            throw StackFailure("\(method) \(path) returned \(response.status): \(json)")
        }
        return json
    }

    /// Creates a program with affiliate `jane20` and one click, and connects it to the
    /// simulator's first account through the authorize form.
    func makeConnectedProgram(name: String = "Live Program") throws -> (programId: String, cid: String, account: String) {
        let programId = try string(api("POST", "/programs", [
            "name": name, "commissionType": "one_time", "commissionPercent": 10,
        ]), "data.id")
        try api("POST", "/programs/\(programId)/affiliates", ["code": "jane20"])
        let cid = try string(api("POST", "/clicks", ["programId": programId, "affiliateCode": "jane20"]), "data.cid")

        let authURL = try string(api("POST", "/programs/\(programId)/connect-stripe", ["method": "oauth_url"]), "data.authUrl")
        try authorize(authURL, account: "acct_1SimNorthwind01")
        let account = try string(api("GET", "/programs/\(programId)/stripe"), "data.stripeAccountId")
        return (programId, cid, account)
    }

    /// Submits the simulator's authorize form for `authURL` and follows the redirect to the
    /// server's callback.
    func authorize(_ authURL: String, account: String) throws {
        var fields = (URLComponents(string: authURL)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        fields.append(("account", account))
        let response = try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("oauth/authorize"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(FormEncoding.encode(fields).utf8)
        )
        guard response.status == 200 else {
            throw StackFailure("authorization returned \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    /// Runs the simulator's `checkout-payment` scenario credited to `cid`.
    func purchase(account: String, cid: String, amount: Int = 2900) throws {
        let body = try JSONSerialization.data(withJSONObject: [
            "scenario": "checkout-payment", "account": account, "cid": cid, "amount": amount,
        ])
        let response = try http.send(
            method: "POST", url: simulatorURL.appendingPathComponent("_sim/trigger"),
            headers: ["Content-Type": "application/json"], body: body
        )
        guard response.status == 200 else { throw StackFailure("trigger returned \(response.status)") }
    }

    private func string(_ json: JSONValue, _ path: String) throws -> String {
        guard let value = json.value(at: path)?.stringValue else { throw StackFailure("no \(path) in \(json)") }
        return value
    }
}

/// A setup step of `LiveStack` that failed.
struct StackFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
