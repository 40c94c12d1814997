import Dispatch
import Foundation

/// Runs async client calls from the synchronous command entry points.
enum AsyncRunner {
    /// Runs `body` on the concurrency runtime and blocks the calling thread until it ends.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.set(.success(try await body()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, Error>?

    func set(_ result: Result<Value, Error>) {
        lock.withLock { self.result = result }
    }

    func get() throws -> Value {
        try lock.withLock {
            guard let result else { fatalError("AsyncRunner read a result before the task finished") }
            return try result.get()
        }
    }
}
