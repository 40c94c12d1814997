import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and returns the whole response; HTTP error statuses are
/// returned, not thrown.
protocol HTTPTransport: Sendable {
    /// - Throws: `URLError` (or another transport error) when no response arrived, and
    ///   `CancellationError` when the calling task is cancelled.
    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
}

/// `HTTPTransport` over a `URLSession` data task, cancelled with the calling task.
///
/// GET and HEAD share one session and its kept-alive connections. Every other method gets
/// a session of its own, so a fresh connection: when a server closes a kept-alive
/// connection just as a POST is sent on it, libcurl (under Linux Foundation) sends the
/// POST again on a new connection without its body, and the request then hangs until
/// the timeout. A fresh connection is never reused, so that resend cannot happen.
final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let configuration: URLSessionConfiguration

    /// - Parameter timeout: Seconds to wait for the response to start or for more of its body.
    init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.configuration = configuration
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let method = request.httpMethod?.uppercased() ?? "GET"
        guard method == "GET" || method == "HEAD" else {
            let oneOff = URLSession(configuration: configuration)
            defer { oneOff.finishTasksAndInvalidate() }
            return try await send(request, on: oneOff)
        }
        return try await send(request, on: session)
    }

    private func send(_ request: URLRequest, on session: URLSession) async throws -> (Data, HTTPURLResponse) {
        let handle = DataTaskHandle()

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response = response as? HTTPURLResponse {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// The data task of one `send`, so that cancelling the calling task cancels the request
/// even when cancellation arrives before the task was created.
private final class DataTaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var isCancelled = false

    func start(_ task: URLSessionDataTask) {
        let cancelled = lock.withLock {
            self.task = task
            return isCancelled
        }
        if cancelled { task.cancel() }
        task.resume()
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        task?.cancel()
    }
}
