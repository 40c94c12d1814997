import AgentRefLog
import CMicroHTTPD
import Foundation

/// An HTTP/1.1 server on 127.0.0.1, built on libmicrohttpd with one thread per connection.
///
/// The handler runs on the connection's thread with the whole body read, so it may block
/// (on SQLite, on an outbound request, or between Server-Sent Events). Bodies larger than
/// `maxBodyBytes` are rejected with 413 before the handler is called.
public final class HTTPServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// TCP port; 0 picks a free one, readable from `port` after `start()`.
        public var port: UInt16
        /// Largest accepted request body in bytes.
        public var maxBodyBytes: Int
        /// Seconds an idle connection stays open.
        public var connectionTimeoutSeconds: UInt32

        public init(port: UInt16 = 0, maxBodyBytes: Int = 1 << 20, connectionTimeoutSeconds: UInt32 = 60) {
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
        }
    }

    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    public let configuration: Configuration
    let logger: Logger
    let handler: Handler
    private let lock = NSLock()
    private var daemon: OpaquePointer?
    private var boundPort: UInt16 = 0
    private var stopping = false
    /// The sink for libmicrohttpd's own messages, kept as long as the server object.
    private let nativeLogger = UnsafeMutablePointer<agentref_mhd_logger>.allocate(capacity: 1)

    public init(configuration: Configuration, logger: Logger, handler: @escaping Handler) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    deinit {
        stop()
        nativeLogger.deallocate()
    }

    /// The port the server listens on; 0 before `start()`.
    public var port: UInt16 {
        lock.withLock { boundPort }
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)")!
    }

    /// True once `stop()` has begun, so long-running streams can end early.
    public var isStopping: Bool {
        lock.withLock { stopping }
    }

    /// Binds the port and starts serving.
    ///
    /// - Throws: `HTTPServerError.bindFailed` when the port is in use or cannot be bound.
    public func start() throws {
        let context = Unmanaged.passUnretained(self).toOpaque()
        nativeLogger.pointee = agentref_mhd_logger(sink: libraryLogCallback, context: context)
        let started = agentref_mhd_start_loopback(
            configuration.port,
            accessHandlerCallback, context,
            requestCompletedCallback, context,
            configuration.connectionTimeoutSeconds,
            nativeLogger
        )
        guard let started else {
            throw HTTPServerError.bindFailed(port: configuration.port)
        }

        let port = agentref_mhd_bound_port(started)
        lock.withLock {
            daemon = started
            boundPort = port
            stopping = false
        }
        logger.info("http server started", [.port: String(port)])
    }

    /// Stops accepting connections and waits for open ones to finish. Safe to call twice.
    public func stop() {
        let running: OpaquePointer? = lock.withLock {
            let current = daemon
            daemon = nil
            stopping = true
            return current
        }
        guard let running else { return }

        MHD_stop_daemon(running)
        logger.info("http server stopped", [.port: String(boundPort)])
    }
}

/// A failure to start the embedded HTTP server.
public enum HTTPServerError: Error, CustomStringConvertible {
    case bindFailed(port: UInt16)

    public var description: String {
        switch self {
        case .bindFailed(let port):
            "cannot listen on 127.0.0.1:\(port): the port is in use or not allowed; choose another with --port"
        }
    }
}
