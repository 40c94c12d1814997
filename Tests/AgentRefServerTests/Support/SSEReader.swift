import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a Server-Sent Events response over a plain socket, so a test gets the bytes as the
/// server sends them. It speaks HTTP/1.0, so the body arrives without chunked framing.
final class SSEReader {
    private let socketDescriptor: Int32
    private(set) var received = ""
    /// True once the server closed the connection.
    private(set) var isAtEnd = false

    /// Connects to 127.0.0.1:`port` and sends `GET path`.
    init(port: UInt16, path: String, headers: [String: String]) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw SSEReaderError(message: "socket() failed") }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close()
            throw SSEReaderError(message: "connect() to port \(port) failed")
        }

        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        var requestText = "GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { requestText += "\(name): \(value)\r\n" }
        requestText += "\r\n"
        _ = requestText.withCString { send(socketDescriptor, $0, strlen($0), 0) }
    }

    deinit {
        close()
    }

    func close() {
        Glibc.close(socketDescriptor)
    }

    /// Reads until `condition` holds for the text received so far, or `timeout` seconds pass.
    ///
    /// - Returns: Whether the condition held.
    @discardableResult
    func read(until condition: (String) -> Bool, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !condition(received) {
            guard Date() < deadline else { return false }
            let count = recv(socketDescriptor, &buffer, buffer.count, 0)
            if count > 0 {
                received += String(decoding: buffer[0..<count], as: UTF8.self)
            } else if count == 0 {
                isAtEnd = true
                return condition(received)
            }
        }
        return true
    }

    /// Reads until the server closes the connection; returns false when it is still open after `timeout`.
    func readToEnd(timeout: TimeInterval = 10) -> Bool {
        read(until: { _ in false }, timeout: timeout)
        return isAtEnd
    }

    /// The `id:` values of the events received so far, in order.
    var eventIDs: [Int64] {
        received.split(separator: "\n").compactMap { line in
            line.hasPrefix("id: ") ? Int64(line.dropFirst(4)) : nil
        }
    }

    /// Reads until `count` events have arrived.
    @discardableResult
    func readEvents(count: Int, timeout: TimeInterval = 10) -> [Int64] {
        read(until: { Self.countEvents($0) >= count }, timeout: timeout)
        return eventIDs
    }

    private static func countEvents(_ text: String) -> Int {
        text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.count
    }
}

struct SSEReaderError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
