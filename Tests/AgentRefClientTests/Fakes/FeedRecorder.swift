import AgentRefClient
import AgentRefDomain
import Foundation
import XCTest

/// Consumes a feed in the background and keeps every update, so a test can wait for a
/// condition and then inspect what arrived.
final class FeedRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [FeedUpdate] = []
    private var consumer: Task<Void, Never>?

    init(_ feed: AsyncStream<FeedUpdate>) {
        consumer = Task { [weak self] in
            for await update in feed {
                self?.lock.withLock { self?.received.append(update) }
            }
        }
    }

    /// Stops consuming, which ends the feed.
    func stop() {
        consumer?.cancel()
    }

    var updates: [FeedUpdate] {
        lock.withLock { received }
    }

    var sequences: [Int64] {
        updates.compactMap { update in
            if case .entry(let entry) = update { return entry.sequence }
            return nil
        }
    }

    var entries: [ConversionFeedEntry] {
        updates.compactMap { update in
            if case .entry(let entry) = update { return entry }
            return nil
        }
    }

    var states: [FeedConnectionState] {
        updates.compactMap { update in
            if case .connection(let state) = update { return state }
            return nil
        }
    }

    /// Waits until `condition` holds, failing the test after `timeout` seconds. The timeout
    /// only bounds a broken test; passing tests return as soon as the condition holds.
    func wait(
        for description: String,
        timeout: Double = 10,
        file: StaticString = #filePath,
        line: UInt = #line,
        until condition: (FeedRecorder) -> Bool
    ) async {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(self) {
            guard Date() < deadline else {
                let recent = updates.suffix(8).map { "\($0)" }.joined(separator: "\n")
                XCTFail("timed out waiting for \(description); last updates:\n\(recent)", file: file, line: line)
                return
            }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }
}

/// Waits until `condition` holds, for conditions outside a feed.
func waitUntil(
    _ description: String,
    timeout: Double = 10,
    file: StaticString = #filePath,
    line: UInt = #line,
    condition: () -> Bool
) async {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        guard Date() < deadline else {
            XCTFail("timed out waiting for \(description)", file: file, line: line)
            return
        }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
}
