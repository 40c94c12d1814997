import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A synchronous HTTP client for server-to-server calls made from a request thread or a
/// worker thread: the AgentRef server calling Stripe, and the simulator delivering webhooks.
public final class OutboundHTTPClient: Sendable {
    /// What came back from a request that reached the server.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    private let session: URLSession

    /// - Parameter timeout: Seconds to wait for each request before it fails.
    public init(timeout: TimeInterval = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// Lets running requests finish, then closes the session's pooled connections; a
    /// session that is never invalidated keeps its sockets open until the process ends.
    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends a request and waits for the whole response.
    ///
    /// - Throws: `OutboundHTTPError.transport` when the server cannot be reached or times out.
    ///   HTTP error statuses are returned, not thrown.
    public func send(
        method: String,
        url: URL,
        headers: [String: String] = [:],
        body: Data? = nil
    ) throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }

        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.store(data: data, response: response, error: error)
            done.signal()
        }
        task.resume()
        done.wait()

        return try box.result(for: url)
    }
}

/// A request that never produced an HTTP response.
public enum OutboundHTTPError: Error, CustomStringConvertible {
    case transport(url: String, message: String)

    public var description: String {
        switch self {
        case .transport(let url, let message): "request to \(url) failed: \(message)"
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func store(data: Data?, response: URLResponse?, error: Error?) {
        lock.withLock {
            self.data = data
            self.response = response
            self.error = error
        }
    }

    func result(for url: URL) throws -> OutboundHTTPClient.Response {
        try lock.withLock {
            if let error {
                throw OutboundHTTPError.transport(url: url.absoluteString, message: error.localizedDescription)
            }
            guard let http = response as? HTTPURLResponse else {
                throw OutboundHTTPError.transport(url: url.absoluteString, message: "no HTTP response")
            }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                headers[String(describing: name)] = String(describing: value)
            }
            return .init(status: http.statusCode, headers: headers, body: data ?? Data())
        }
    }
}
