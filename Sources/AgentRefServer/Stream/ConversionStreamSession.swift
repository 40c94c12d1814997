import AgentRefDomain
import AgentRefLog
import Foundation

/// One open conversion stream: remembers the last sequence sent and produces the next
/// piece of the response, blocking until there is something to send.
final class ConversionStreamSession: @unchecked Sendable {
    /// Maximum single wait, in seconds, so a stopping server is noticed promptly.
    private static let pollInterval: TimeInterval = 0.25
    private static let batchSize = 100

    private let handler: ConversionStreamHandler
    private let programId: String?
    private let lock = NSLock()
    private var lastSequence: Int64
    private var backlog: [ConversionFeedEntry]
    private var hasSentPreamble = false
    private var lastWrite = Date()
    private var isClosed = false
    private var sentCount = 0
    let startSequence: Int64

    init(handler: ConversionStreamHandler, programId: String?, after sequence: Int64, backlog: [ConversionFeedEntry]) {
        self.handler = handler
        self.programId = programId
        self.lastSequence = sequence
        self.startSequence = sequence
        self.backlog = backlog
    }

    /// Blocks until there is something to send and returns it; returns nil to end the response.
    func next() -> Data? {
        if let preamble = takePreamble() { return preamble }

        while !shouldEnd() {
            let seenVersion = handler.context.notifier.currentVersion
            do {
                if let entries = try newEntries() { return entries }
            } catch {
                handler.context.logger.error("conversion stream failed to read the feed", [.error: String(describing: error)])
                return nil
            }

            let silence = Date().timeIntervalSince(lock.withLock { lastWrite })
            let untilHeartbeat = handler.heartbeatInterval - silence
            if untilHeartbeat <= 0 {
                lock.withLock { lastWrite = Date() }
                return Data(": keep-alive\n\n".utf8)
            }
            handler.context.notifier.wait(after: seenVersion, timeout: min(untilHeartbeat, Self.pollInterval))
        }
        return nil
    }

    func close() {
        let sent = lock.withLock {
            isClosed = true
            return sentCount
        }
        handler.context.logger.info("conversion stream closed", [.programID: programId ?? "*", .count: String(sent)])
    }

    private func shouldEnd() -> Bool {
        lock.withLock { isClosed } || handler.isStopping() || handler.context.notifier.hasShutDown
    }

    /// `retry: 2000` and the backlog, on the first call only.
    private func takePreamble() -> Data? {
        lock.withLock {
            guard !hasSentPreamble else { return nil }
            hasSentPreamble = true
            lastWrite = Date()
            sentCount += backlog.count
            let text = "retry: 2000\n\n" + backlog.map(Self.format).joined()
            backlog = []
            return Data(text.utf8)
        }
    }

    private func newEntries() throws -> Data? {
        let after = lock.withLock { lastSequence }
        let entries = try handler.context.store.feedEntries(after: after, programId: programId, limit: Self.batchSize)
        guard let last = entries.last else { return nil }

        lock.withLock {
            lastSequence = last.sequence
            lastWrite = Date()
            sentCount += entries.count
        }
        return Data(entries.map(Self.format).joined().utf8)
    }

    /// Formats one Server-Sent Event. The JSON encoder writes no newlines, so `data` is one line.
    static func format(_ entry: ConversionFeedEntry) -> String {
        let json = (try? AgentRefJSON.makeEncoder().encode(entry)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(entry.sequence)\nevent: \(entry.type.rawValue)\ndata: \(json)\n\n"
    }
}
