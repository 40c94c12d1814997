import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Opens TCP connections with a timeout, trying each address the host name resolves to.
enum SocketConnector {
    /// Returns a connected, blocking socket.
    ///
    /// - Throws: `URLError(.cannotFindHost)` when the name does not resolve,
    ///   `URLError(.cannotConnectToHost)` when every address refuses, and
    ///   `URLError(.timedOut)` when no address accepts the connection within `timeout` seconds.
    static func connect(host: String, port: Int, timeout: Double) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let lookupHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(lookupHost, String(port), &hints, &results) == 0, let first = results else {
            throw URLError(.cannotFindHost)
        }
        defer { freeaddrinfo(results) }

        var lastError = URLError(.cannotConnectToHost)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            do {
                return try connect(address.pointee, timeout: timeout)
            } catch let error as URLError {
                lastError = error
            }
            candidate = address.pointee.ai_next
        }
        throw lastError
    }

    private static func connect(_ address: addrinfo, timeout: Double) throws -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard fd >= 0 else { throw URLError(.cannotConnectToHost) }

        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let started = Glibc.connect(fd, address.ai_addr, address.ai_addrlen)
        if started != 0, errno != EINPROGRESS {
            close(fd)
            throw URLError(.cannotConnectToHost)
        }

        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
        guard ready > 0, socketError == 0 else {
            close(fd)
            throw ready == 0 ? URLError(.timedOut) : URLError(.cannotConnectToHost)
        }

        _ = fcntl(fd, F_SETFL, flags)
        return fd
    }
}
