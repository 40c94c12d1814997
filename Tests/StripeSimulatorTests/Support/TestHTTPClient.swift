import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking HTTP client for tests that, unlike a browser, does not follow redirects, so
/// a test can read a 302's `Location`.
final class TestHTTPClient: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// Parses the body as JSON, throwing when it is not JSON.
        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: body)
        }

        func jsonObject() throws -> [String: Any] {
            guard let object = try json() as? [String: Any] else {
                throw TestFailure("expected a JSON object, got: \(text)")
            }
            return object
        }
    }

    private var session: URLSession!

    override init() {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 20
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func send(_ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil) throws -> Response {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }

        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            box.set(data: data, response: response, error: error)
            done.signal()
        }.resume()
        done.wait()
        return try box.makeResponse()
    }

    func invalidate() {
        session.invalidateAndCancel()
    }
}

private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func set(data: Data?, response: URLResponse?, error: Error?) {
        lock.withLock {
            self.data = data
            self.response = response
            self.error = error
        }
    }

    func makeResponse() throws -> TestHTTPClient.Response {
        try lock.withLock {
            if let error { throw error }
            guard let http = response as? HTTPURLResponse else { throw TestFailure("no HTTP response") }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                headers[String(describing: name)] = String(describing: value)
            }
            return .init(status: http.statusCode, headers: headers, body: data ?? Data())
        }
    }
}

/// A failed precondition inside a test helper, thrown so the test stops with a message.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
