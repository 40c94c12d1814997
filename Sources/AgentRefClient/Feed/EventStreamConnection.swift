import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request for a `text/event-stream`, delivering the body as it arrives.
///
/// A `URLSessionDataDelegate` bridged to an `AsyncThrowingStream`, because Linux
/// Foundation has no `URLSession.bytes(for:)`. The stream yields `.opened` once a 200
/// response with an event-stream content type arrives, then `.bytes` for each piece of the
/// body. It finishes when the server closes the body, and throws when the request fails,
/// when the response is not an event stream (the error from `mapFailure`), or with a
/// NETWORK_ERROR when no byte arrived for `idleTimeout` seconds. Ending the iteration
/// cancels the request.
final class EventStreamConnection: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Chunk: Sendable {
        case opened(HTTPURLResponse)
        case bytes(Data)
    }

    /// Builds the error for a response that is not a 200 event stream, from its status,
    /// headers and body.
    typealias FailureMapper = @Sendable (HTTPURLResponse, Data) -> Error

    /// Largest error body kept for `mapFailure`, in bytes.
    private static let maxErrorBodyBytes = 64 * 1024

    private let continuation: AsyncThrowingStream<Chunk, Error>.Continuation
    private let mapFailure: FailureMapper
    private let idleTimeout: Double
    private let lock = NSLock()
    private var session: URLSession?
    private var task: URLSessionDataTask?
    private var watchdog: DispatchSourceTimer?
    private var lastActivity = Date()
    private var failedResponse: HTTPURLResponse?
    private var errorBody = Data()

    /// Starts the request and returns its body as a stream.
    static func open(
        _ request: URLRequest,
        idleTimeout: Double,
        mapFailure: @escaping FailureMapper
    ) -> AsyncThrowingStream<Chunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<Chunk, Error>.makeStream(bufferingPolicy: .unbounded)
        let connection = EventStreamConnection(continuation: continuation, idleTimeout: idleTimeout, mapFailure: mapFailure)

        continuation.onTermination = { _ in connection.close() }
        connection.start(request)
        return stream
    }

    private init(
        continuation: AsyncThrowingStream<Chunk, Error>.Continuation,
        idleTimeout: Double,
        mapFailure: @escaping FailureMapper
    ) {
        self.continuation = continuation
        self.idleTimeout = idleTimeout
        self.mapFailure = mapFailure
    }

    private func start(_ request: URLRequest) {
        let configuration = URLSessionConfiguration.ephemeral
        // The watchdog detects a silent connection, so Foundation's own timeouts only need
        // to stay out of its way while the stream is open for hours.
        configuration.timeoutIntervalForRequest = max(idleTimeout * 2, 60)
        configuration.timeoutIntervalForResource = 7 * 24 * 3600
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false

        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        let task = session.dataTask(with: request)

        lock.withLock {
            self.session = session
            self.task = task
            self.lastActivity = Date()
        }
        startWatchdog()
        task.resume()
    }

    /// Cancels the request and releases the session, which holds this delegate strongly.
    func close() {
        let (session, watchdog) = lock.withLock {
            let current = (self.session, self.watchdog)
            self.session = nil
            self.task = nil
            self.watchdog = nil
            return current
        }
        watchdog?.cancel()
        session?.invalidateAndCancel()
    }

    private func startWatchdog() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        let interval = max(0.05, min(1, idleTimeout / 4))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.checkIdle() }
        lock.withLock { watchdog = timer }
        timer.resume()
    }

    private func checkIdle() {
        let idle = lock.withLock { Date().timeIntervalSince(lastActivity) }
        guard idle > idleTimeout else { return }

        let seconds = idleTimeout.formatted(.number.precision(.fractionLength(0...1)))
        let error = AgentRefClientError(
            code: AgentRefClientError.networkErrorCode,
            status: nil,
            message: "The live conversion stream sent nothing for \(seconds) s, not even a keep-alive, so it counts as dropped."
        )
        continuation.finish(throwing: error)
        close()
    }

    private func touch() {
        lock.withLock { lastActivity = Date() }
    }

    // MARK: URLSessionDataDelegate

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        touch()
        guard let http = response as? HTTPURLResponse else {
            continuation.finish(throwing: URLError(.badServerResponse))
            completionHandler(.cancel)
            return
        }

        let contentType = http.value(forHTTPHeaderField: "Content-Type")?.lowercased() ?? ""
        if http.statusCode == 200, contentType.hasPrefix("text/event-stream") {
            continuation.yield(.opened(http))
        } else {
            lock.withLock { failedResponse = http }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        touch()
        let isFailure = lock.withLock {
            guard failedResponse != nil else { return false }
            if errorBody.count < Self.maxErrorBodyBytes { errorBody.append(data) }
            return true
        }
        if !isFailure { continuation.yield(.bytes(data)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (response, body) = lock.withLock { (failedResponse, errorBody) }

        if let response {
            continuation.finish(throwing: mapFailure(response, body))
        } else if let error {
            continuation.finish(throwing: error)
        } else {
            continuation.finish()
        }
        close()
    }
}
