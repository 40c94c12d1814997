import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A `text/event-stream` request over a plain TCP socket, for `http://` servers.
///
/// Linux Foundation's URLSession (swift-corelibs-foundation with libcurl 7.88 on Debian 12)
/// busy-polls while a response is in flight and no bytes arrive: an idle live feed kept
/// about 80 % of a core busy. This reader blocks in `poll(2)` on its own thread instead,
/// so an idle feed costs nothing. It speaks just enough HTTP/1.1 for one streamed GET:
/// a status line, headers, and a body that is chunked, sized by `Content-Length`, or
/// ended by the server closing the connection.
///
/// It yields the same chunks as `EventStreamConnection` and fails the same way: a non-200
/// or non-event-stream response ends with `mapFailure`'s error, a connection problem
/// with a `URLError`, and silence longer than `idleTimeout` with a NETWORK_ERROR.
enum SocketEventStream {
    /// Largest response head (status line and headers) accepted, in bytes.
    static let maxHeadBytes = 64 * 1024
    /// Largest error body kept for `mapFailure`, in bytes.
    static let maxErrorBodyBytes = 64 * 1024
    /// Seconds to wait for the TCP connection to open.
    static let connectTimeout: Double = 10

    /// Starts the request on a new thread and returns its body as a stream; ending the
    /// iteration closes the socket.
    static func open(
        _ request: URLRequest,
        idleTimeout: Double,
        mapFailure: @escaping EventStreamConnection.FailureMapper
    ) -> AsyncThrowingStream<EventStreamConnection.Chunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<EventStreamConnection.Chunk, Error>.makeStream()
        let reader = SocketStreamReader(
            request: request, idleTimeout: idleTimeout, mapFailure: mapFailure, continuation: continuation
        )
        continuation.onTermination = { _ in reader.cancel() }

        let thread = Thread { reader.run() }
        thread.name = "agentref-event-stream"
        thread.start()
        return stream
    }
}

/// The blocking work of one `SocketEventStream` request, on its own thread.
private final class SocketStreamReader: @unchecked Sendable {
    private let request: URLRequest
    private let idleTimeout: Double
    private let mapFailure: EventStreamConnection.FailureMapper
    private let continuation: AsyncThrowingStream<EventStreamConnection.Chunk, Error>.Continuation
    private let lock = NSLock()
    private var socket: Int32 = -1
    private var isCancelled = false

    init(
        request: URLRequest,
        idleTimeout: Double,
        mapFailure: @escaping EventStreamConnection.FailureMapper,
        continuation: AsyncThrowingStream<EventStreamConnection.Chunk, Error>.Continuation
    ) {
        self.request = request
        self.idleTimeout = idleTimeout
        self.mapFailure = mapFailure
        self.continuation = continuation
    }

    /// Wakes the reading thread, which then closes the socket and finishes.
    func cancel() {
        lock.withLock {
            isCancelled = true
            if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private var cancelled: Bool { lock.withLock { isCancelled } }

    func run() {
        do {
            try exchange()
            continuation.finish()
        } catch {
            continuation.finish(throwing: cancelled ? URLError(.cancelled) : error)
        }
        lock.withLock {
            if socket >= 0 { close(socket) }
            socket = -1
        }
    }

    // MARK: - Steps

    private func exchange() throws {
        guard let url = request.url, let host = url.host else { throw URLError(.badURL) }
        let fd = try SocketConnector.connect(host: host, port: url.port ?? 80, timeout: SocketEventStream.connectTimeout)
        let proceed = lock.withLock {
            socket = fd
            return !isCancelled
        }
        guard proceed else { throw URLError(.cancelled) }

        try send(requestHead(for: url, host: host), to: fd)
        var buffer = Data()
        let head = try readHead(from: fd, into: &buffer)
        var body = try ResponseBodyDecoder(head: head)

        guard head.statusCode == 200, head.isEventStream else {
            let errorBody = try readWholeBody(from: fd, decoder: &body, leftover: buffer)
            throw mapFailure(head.response(for: url), errorBody)
        }

        continuation.yield(.opened(head.response(for: url)))
        try stream(from: fd, decoder: &body, leftover: buffer)
    }

    private func requestHead(for url: URL, host: String) -> Data {
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        let authority = url.port.map { "\(host):\($0)" } ?? host

        var lines = ["GET \(target) HTTP/1.1", "Host: \(authority)"]
        for (name, value) in request.allHTTPHeaderFields ?? [:] where name.lowercased() != "host" {
            lines.append("\(name): \(value)")
        }
        lines.append("Connection: close")
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    private func send(_ data: Data, to fd: Int32) throws {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                Glibc.send(fd, bytes.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw URLError(.networkConnectionLost) }
            offset += written
        }
    }

    /// Reads until the end of the headers; bytes after them stay in `buffer`.
    private func readHead(from fd: Int32, into buffer: inout Data) throws -> ResponseHead {
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let range = buffer.range(of: separator) {
                let head = try ResponseHead(Data(buffer[..<range.lowerBound]))
                buffer.removeSubrange(..<range.upperBound)
                return head
            }
            guard buffer.count <= SocketEventStream.maxHeadBytes else { throw URLError(.badServerResponse) }
            guard let bytes = try receive(from: fd) else { throw URLError(.networkConnectionLost) }
            buffer.append(bytes)
        }
    }

    private func stream(from fd: Int32, decoder: inout ResponseBodyDecoder, leftover: Data) throws {
        var pending = leftover
        while true {
            let decoded = try decoder.decode(pending)
            if !decoded.isEmpty { continuation.yield(.bytes(decoded)) }
            if decoder.isComplete { return }

            guard let bytes = try receive(from: fd) else {
                guard decoder.endsAtClose else { throw URLError(.networkConnectionLost) }
                return
            }
            pending = bytes
        }
    }

    private func readWholeBody(from fd: Int32, decoder: inout ResponseBodyDecoder, leftover: Data) throws -> Data {
        var body = Data()
        var pending = leftover
        while body.count < SocketEventStream.maxErrorBodyBytes {
            body.append(try decoder.decode(pending))
            if decoder.isComplete { break }
            guard let bytes = try receive(from: fd) else { break }
            pending = bytes
        }
        return body
    }

    /// Waits for bytes, in one-second polls so cancellation and the idle timeout are noticed.
    ///
    /// - Returns: The bytes read, or nil when the server closed the connection.
    /// - Throws: NETWORK_ERROR after `idleTimeout` seconds without a byte.
    private func receive(from fd: Int32) throws -> Data? {
        let deadline = Date().addingTimeInterval(idleTimeout)
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)

        while true {
            if cancelled { throw URLError(.cancelled) }
            let ready = poll(&descriptor, 1, 1000)
            if ready < 0, errno != EINTR { throw URLError(.networkConnectionLost) }
            if ready > 0 { break }
            if Date() >= deadline { throw idleError() }
        }

        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count < 0 { throw cancelled ? URLError(.cancelled) : URLError(.networkConnectionLost) }
        return count == 0 ? nil : Data(chunk.prefix(count))
    }

    private func idleError() -> AgentRefClientError {
        let seconds = idleTimeout.formatted(.number.precision(.fractionLength(0...1)))
        return AgentRefClientError(
            code: AgentRefClientError.networkErrorCode,
            status: nil,
            message: "The live conversion stream sent nothing for \(seconds) s, not even a keep-alive, so it counts as dropped."
        )
    }
}
