import AgentRefDomain
import Foundation
import ServiceKit

/// The feed entries of a stub server and the event streams that serve them.
///
/// Streams replay what the client asks for (`Last-Event-ID`, else the last `backlog`
/// entries), then send new entries as they are appended. `dropStreams()` ends every open
/// stream as a network drop or a server restart would.
final class FeedLog: @unchecked Sendable {
    /// How the stub stream behaves, to exercise the client's resume logic.
    struct StreamBehavior: Sendable {
        /// Sent as the `retry` field, in milliseconds.
        var retryMilliseconds = 50
        /// Sends `id: <latest sequence>` in a block without data right after opening.
        var announcesLatest = false
        /// Replays this many entries at or before `Last-Event-ID` too, as a sloppy server might.
        var replayOverlap: Int64 = 0
        /// Sends each event in two writes, split in the middle of a line.
        var splitsWrites = true
        /// Seconds between `: keep-alive` comments.
        var keepAliveInterval: Double = 0.2
    }

    private let condition = NSCondition()
    private var entries: [ConversionFeedEntry] = []
    private var generation = 0
    private var isShutDown = false
    private var openStreams = 0

    func append(_ entry: ConversionFeedEntry) {
        condition.withLock {
            entries.append(entry)
            condition.broadcast()
        }
    }

    func append(sequences: ClosedRange<Int64>) {
        for sequence in sequences { append(Samples.entry(sequence: sequence)) }
    }

    /// Ends every stream open now; later streams are unaffected.
    func dropStreams() {
        condition.withLock {
            generation += 1
            condition.broadcast()
        }
    }

    /// Ends every stream for good, so the HTTP server can stop.
    func shutDown() {
        condition.withLock {
            isShutDown = true
            condition.broadcast()
        }
    }

    /// Streams currently being served.
    var openStreamCount: Int {
        condition.withLock { openStreams }
    }

    /// `GET /conversions/events?after=&limit=`: entries after `after`, oldest first.
    func eventsPage(_ request: HTTPRequest) -> HTTPResponse {
        let after = Int64(request.query("after") ?? "0") ?? 0
        let limit = Int(request.query("limit") ?? "20") ?? 20
        let newer = condition.withLock { entries.filter { $0.sequence > after } }
        let page = Array(newer.prefix(limit))
        return StubResponses.list(page, total: newer.count, pageSize: limit, hasMore: newer.count > limit)
    }

    /// `GET /conversions/stream`: a `text/event-stream` response.
    func streamResponse(_ request: HTTPRequest, behavior: StreamBehavior = StreamBehavior()) -> HTTPResponse {
        let lastEventID = (request.header("Last-Event-ID") ?? request.query("lastEventId")).flatMap { Int64($0) }
        let backlog = Int(request.query("backlog") ?? "0") ?? 0
        let session = StreamSession(log: self, behavior: behavior, lastEventID: lastEventID, backlog: backlog)

        let stream = ResponseStream(next: { session.next() }, onClose: { session.close() })
        return HTTPResponse(
            status: 200,
            headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")],
            stream: stream
        )
    }

    /// One client's stream: what it was sent and when it must end.
    private final class StreamSession: @unchecked Sendable {
        private let log: FeedLog
        private let behavior: StreamBehavior
        private let openedGeneration: Int
        private var sentUpTo: Int64
        private var pending: [String] = []
        private var lastWrite = Date()
        private var isClosed = false

        init(log: FeedLog, behavior: StreamBehavior, lastEventID: Int64?, backlog: Int) {
            self.log = log
            self.behavior = behavior
            let (generation, replay, latest) = log.condition.withLock {
                log.openStreams += 1
                let replay: [ConversionFeedEntry]
                if let lastEventID {
                    replay = log.entries.filter { $0.sequence > lastEventID - behavior.replayOverlap }
                } else {
                    replay = Array(log.entries.suffix(backlog))
                }
                return (log.generation, replay, log.entries.last?.sequence ?? 0)
            }
            openedGeneration = generation
            sentUpTo = max(latest, lastEventID ?? 0)

            pending.append("retry: \(behavior.retryMilliseconds)\n")
            if behavior.announcesLatest { pending.append("id: \(latest)\n\n") }
            pending += replay.map(Self.format)
        }

        func next() -> Data? {
            while true {
                if !pending.isEmpty { return write(pending.removeFirst()) }

                let outcome = log.condition.withLock { () -> [ConversionFeedEntry]? in
                    if log.isShutDown || log.generation != openedGeneration { return nil }
                    let fresh = log.entries.filter { $0.sequence > sentUpTo }
                    if fresh.isEmpty { _ = log.condition.wait(until: Date().addingTimeInterval(0.02)) }
                    return fresh
                }
                guard let fresh = outcome else { return nil }

                if let last = fresh.last {
                    sentUpTo = last.sequence
                    pending += fresh.map(Self.format)
                } else if Date().timeIntervalSince(lastWrite) > behavior.keepAliveInterval {
                    pending.append(": keep-alive\n\n")
                }
            }
        }

        func close() {
            log.condition.withLock {
                guard !isClosed else { return }
                isClosed = true
                log.openStreams -= 1
            }
        }

        private func write(_ text: String) -> Data {
            lastWrite = Date()
            guard behavior.splitsWrites, text.count > 8 else { return Data(text.utf8) }

            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            pending.insert(String(text[middle...]), at: 0)
            return Data(text[..<middle].utf8)
        }

        private static func format(_ entry: ConversionFeedEntry) -> String {
            let data = try! AgentRefJSON.makeEncoder().encode(entry)
            return "id: \(entry.sequence)\nevent: \(entry.type.rawValue)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
        }
    }
}
