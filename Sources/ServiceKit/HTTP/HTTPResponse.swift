import Foundation

/// A response for the embedded server to send: a status, headers and either a body or a
/// stream that produces the body piece by piece (for Server-Sent Events).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body

    public enum Body: Sendable {
        case data(Data)
        case stream(ResponseStream)
        /// No response: the server closes the connection, as a crash or a network failure
        /// would. Used to inject faults.
        case drop
    }

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = .data(body)
    }

    public init(status: Int, headers: [(name: String, value: String)], stream: ResponseStream) {
        self.status = status
        self.headers = headers
        self.body = .stream(stream)
    }

    /// The body bytes, or empty for a streamed response.
    public var bodyData: Data {
        if case .data(let data) = body { return data }
        return Data()
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// A JSON response; `data` must already be encoded.
    public static func json(_ data: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: data)
    }

    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data(text.utf8))
    }

    public static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(html.utf8))
    }

    /// A `302 Found` to `location`.
    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 302, headers: [("Location", location)])
    }
}

/// A body produced while it is sent. The server calls `next` on the connection's own
/// thread until it returns nil; `next` may block until it has something to send.
public final class ResponseStream: Sendable {
    private let producer: @Sendable () -> Data?
    private let closer: @Sendable () -> Void
    private let failure: @Sendable () -> Bool

    /// - Parameters:
    ///   - next: Returns the next bytes to send, or nil to end the response.
    ///   - onClose: Called once when the connection ends, whether `next` finished or the
    ///     client went away.
    ///   - endsWithError: Read after `next` returned nil; true closes the connection without
    ///     finishing the response, so the client sees a broken connection.
    public init(
        next: @escaping @Sendable () -> Data?,
        onClose: @escaping @Sendable () -> Void = {},
        endsWithError: @escaping @Sendable () -> Bool = { false }
    ) {
        self.producer = next
        self.closer = onClose
        self.failure = endsWithError
    }

    public func next() -> Data? { producer() }
    public func close() { closer() }
    public var endsWithError: Bool { failure() }
}
