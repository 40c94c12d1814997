import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit
import XCTest

@testable import AgentRefServer

/// Starts a real server on loopback with a fresh data directory and a Stripe stub, and
/// offers helpers that speak the API over HTTP.
class ServerTestCase: XCTestCase {
    var dataDirectory: URL!
    var stub: StripeStub!
    var app: AgentRefServerApp!
    var baseURL: URL!
    let clock = ServerClock()
    let apiKey = APIKey("ak_test_" + SecureRandom.hex(byteCount: 20))
    var http: OutboundHTTPClient! = OutboundHTTPClient(timeout: 10)
    var configure: (inout ServerConfiguration) -> Void = { _ in }
    /// Seconds before the server's first retry of a failed Stripe cleanup.
    var cleanupRetryDelay: TimeInterval = 0.2

    override func setUpWithError() throws {
        try super.setUpWithError()
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("agentref-server-tests-\(UUID().uuidString)")
        stub = StripeStub()
        let stubURL = try stub.start()
        stubBaseURL = stubURL
        try startServer()
    }

    override func tearDownWithError() throws {
        // XCTest keeps every test case object until the run ends, so release what holds
        // sockets and log files here.
        app?.stop()
        app = nil
        stub?.stop()
        stub = nil
        http = nil
        if let dataDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
        try super.tearDownWithError()
    }

    private var stubBaseURL: URL!

    func makeConfiguration() -> ServerConfiguration {
        var configuration = ServerConfiguration(
            port: 0,
            dataDirectory: dataDirectory,
            apiKeys: [apiKey],
            stripeAPIBase: stubBaseURL,
            stripeConnectBase: stubBaseURL,
            stripeSecretKey: StripeStub.secretKey
        )
        configure(&configuration)
        return configuration
    }

    func startServer() throws {
        let logger = Logger(component: "server", sink: try LogSink.file(atPath: logPath), minimumLevel: .debug)
        app = AgentRefServerApp(
            configuration: makeConfiguration(), logger: logger, clock: clock, cleanupRetryDelay: cleanupRetryDelay,
            heartbeatInterval: 0.5
        )
        baseURL = try app.start()
    }

    /// The server's log file, which every test writes at debug level.
    var logPath: String {
        dataDirectory.appendingPathComponent("server.log").path
    }

    /// Returns every line the server logged so far.
    func logText() -> String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    func restartServer() throws {
        app.stop()
        try startServer()
    }

    // MARK: - HTTP

    struct APIResponse {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: JSONValue {
            (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        var errorCode: String? { json.value(at: "error.code")?.stringValue }
        var errorMessage: String { json.value(at: "error.message")?.stringValue ?? "" }
    }

    @discardableResult
    func request(
        _ method: String,
        _ path: String,
        json: Any? = nil,
        body: Data? = nil,
        headers: [String: String] = [:],
        authorized: Bool = true
    ) throws -> APIResponse {
        var allHeaders = headers
        if authorized { allHeaders["Authorization"] = "Bearer \(apiKey.secret)" }
        var payload = body
        if let json {
            payload = try JSONSerialization.data(withJSONObject: json)
            allHeaders["Content-Type"] = "application/json"
        }
        let url = URL(string: baseURL.absoluteString + path)!
        let response = try http.send(method: method, url: url, headers: allHeaders, body: payload)
        return APIResponse(status: response.status, headers: response.headers, body: response.body)
    }

    func get(_ path: String) throws -> APIResponse {
        try request("GET", path)
    }

    @discardableResult
    func post(_ path: String, _ json: Any) throws -> APIResponse {
        try request("POST", path, json: json)
    }

    @discardableResult
    func delete(_ path: String) throws -> APIResponse {
        try request("DELETE", path)
    }

    // MARK: - Setup helpers

    func createProgram(
        name: String = "Test Program",
        commissionType: String = "recurring",
        percent: Double = 20,
        currency: String = "USD",
        limitMonths: Int? = nil
    ) throws -> String {
        var body: [String: Any] = [
            "name": name, "commissionType": commissionType, "commissionPercent": percent, "currency": currency,
        ]
        if let limitMonths { body["commissionLimitMonths"] = limitMonths }
        let response = try post("/api/v1/programs", body)
        XCTAssertEqual(response.status, 201, response.text)
        return try XCTUnwrap(response.json.value(at: "data.id")?.stringValue)
    }

    func createAffiliate(programId: String, code: String = "jane20") throws -> String {
        let response = try post("/api/v1/programs/\(programId)/affiliates", ["code": code, "name": "Jane"])
        XCTAssertEqual(response.status, 201, response.text)
        return try XCTUnwrap(response.json.value(at: "data.id")?.stringValue)
    }

    func createClick(programId: String, code: String = "jane20") throws -> String {
        let response = try post("/api/v1/clicks", ["programId": programId, "affiliateCode": code])
        XCTAssertEqual(response.status, 201, response.text)
        return try XCTUnwrap(response.json.value(at: "data.cid")?.stringValue)
    }

    /// Requests an authorize URL and returns its `state`.
    func requestState(programId: String) throws -> String {
        let response = try post("/api/v1/programs/\(programId)/connect-stripe", ["method": "oauth_url"])
        XCTAssertEqual(response.status, 200, response.text)
        let authURL = try XCTUnwrap(response.json.value(at: "data.authUrl")?.stringValue)
        let items = URLComponents(string: authURL)?.queryItems ?? []
        return try XCTUnwrap(items.first { $0.name == "state" }?.value)
    }

    /// Sends the browser's callback for `state` with a code the stub maps to `account`.
    func callback(state: String, account: String) throws -> APIResponse {
        let code = stub.issueCode(for: account)
        return try request("GET", "/oauth/stripe/callback?code=\(code)&state=\(state)", authorized: false)
    }

    /// Runs the whole OAuth flow; returns the callback page.
    @discardableResult
    func connect(programId: String, account: String = "acct_1Test") throws -> APIResponse {
        try callback(state: try requestState(programId: programId), account: account)
    }

    /// Returns the signing secret the stub gave the program's endpoint.
    func endpointSecret(programId: String) throws -> String {
        try XCTUnwrap(stub.endpoints.last { $0.url.hasSuffix("/webhooks/stripe/\(programId)") }?.secret)
    }

    /// Posts `event` to the program's webhook URL, signed with `secret` (the endpoint's by default).
    @discardableResult
    func deliver(
        _ event: [String: Any],
        to programId: String,
        secret: String? = nil,
        timestamp: Int64? = nil,
        signature: String? = nil
    ) throws -> APIResponse {
        let body = try JSONSerialization.data(withJSONObject: event)
        let header = try signature ?? StripeSignature.header(
            payload: body,
            secret: secret ?? endpointSecret(programId: programId),
            timestamp: timestamp ?? Int64(Date().timeIntervalSince1970)
        )
        return try request(
            "POST", "/webhooks/stripe/\(programId)", body: body,
            headers: ["Stripe-Signature": header, "Content-Type": "application/json; charset=utf-8"], authorized: false
        )
    }

    func conversions(programId: String) throws -> [JSONValue] {
        try get("/api/v1/conversions?programId=\(programId)").json["data"]?.arrayValue ?? []
    }

    func stripeDetail(programId: String) throws -> JSONValue {
        try get("/api/v1/programs/\(programId)/stripe").json["data"] ?? .null
    }

    /// A program connected to `account`, with affiliate `jane20` and one click; returns (programId, cid).
    func makeConnectedProgram(
        account: String = "acct_1Test",
        commissionType: String = "recurring",
        percent: Double = 20,
        limitMonths: Int? = nil
    ) throws -> (programId: String, cid: String) {
        let programId = try createProgram(commissionType: commissionType, percent: percent, limitMonths: limitMonths)
        _ = try createAffiliate(programId: programId)
        let page = try connect(programId: programId, account: account)
        XCTAssertEqual(page.status, 200, page.text)
        return (programId, try createClick(programId: programId))
    }

    // MARK: - Waiting and concurrency

    /// Polls `condition` every 50 ms for up to 10 seconds.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    /// Runs every closure at once on its own thread and returns their results in order.
    func concurrently<Result>(_ work: [() throws -> Result]) throws -> [Result] {
        let results = LockedResults<Result>(count: work.count)
        // The closures run on other threads while this one waits in concurrentPerform, so
        // nothing they capture is touched from two threads at a time by this helper.
        nonisolated(unsafe) let tasks = work
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
            results.set(index, Swift.Result { try tasks[index]() })
        }
        return try results.values.map { try $0.get() }
    }
}

/// Results of concurrent work, filled from several threads.
final class LockedResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, Error>) {
        lock.withLock { slots[index] = result }
    }

    var values: [Result<Value, Error>] {
        lock.withLock { slots.map { $0 ?? .failure(CancellationError()) } }
    }
}
