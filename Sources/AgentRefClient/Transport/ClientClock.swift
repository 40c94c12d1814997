import Foundation

/// The time source and sleep function of the client's retries, pacing and feed, injectable
/// so tests can run without waiting.
public protocol ClientClock: Sendable {
    /// The current wall-clock time, used for `Retry-After` dates and request pacing.
    func now() -> Date

    /// Suspends for `seconds`; returns at once for zero or less.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(seconds: Double) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemClock: ClientClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
