import AgentRefLog
import Foundation
import ServiceKit

/// A webhook endpoint for tests: an HTTP server on loopback that records every request
/// and responds with the statuses a test queues (200 once the queue is empty).
final class WebhookReceiver: @unchecked Sendable {
    /// One request exactly as it arrived.
    struct Delivery {
        var path: String
        var headers: [String: String]
        var body: Data

        var signature: String? { headers["stripe-signature"] }

        /// Parses the body as a JSON object.
        func event() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw TestFailure("webhook body is not a JSON object")
            }
            return object
        }

        /// Checks the signature against `secret` at the current time.
        func verify(secret: String) throws {
            try StripeSignature.verify(
                payload: body, header: signature, secrets: [secret], now: Int64(Date().timeIntervalSince1970)
            )
        }
    }

    private let lock = NSLock()
    private var deliveries: [Delivery] = []
    private var queuedStatuses: [Int] = []
    private var server: HTTPServer!

    /// Starts listening on a free port.
    init() throws {
        server = HTTPServer(configuration: .init(port: 0), logger: .silent) { [unowned self] request in
            let status = record(request)
            return .json(Data(#"{"received":true}"#.utf8), status: status)
        }
        try server.start()
    }

    deinit {
        server.stop()
    }

    /// `http://127.0.0.1:<port>/webhooks/<name>`.
    func url(_ name: String = "stripe") -> String {
        server.baseURL.absoluteString + "/webhooks/" + name
    }

    /// Makes the next requests get these statuses, in order.
    func respond(with statuses: [Int]) {
        lock.withLock { queuedStatuses.append(contentsOf: statuses) }
    }

    var received: [Delivery] {
        lock.withLock { deliveries }
    }

    /// Waits until at least `count` requests arrived, polling; returns what arrived.
    /// The wait bounds a hang, not a speed: 20 s is far beyond any expected delay.
    @discardableResult
    func waitForDeliveries(_ count: Int, timeout: TimeInterval = 20) -> [Delivery] {
        let deadline = Date().addingTimeInterval(timeout)
        while received.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return received
    }

    func stop() {
        server.stop()
    }

    private func record(_ request: HTTPRequest) -> Int {
        lock.withLock {
            deliveries.append(Delivery(path: request.path, headers: request.headers, body: request.body))
            return queuedStatuses.isEmpty ? 200 : queuedStatuses.removeFirst()
        }
    }
}
