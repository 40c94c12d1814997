import AgentRefClient
import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class FeedStreamTests: XCTestCase {
    private var stub: StubAPIServer!
    private var log: FeedLog!
    private var baseURL: URL!
    private var recorder: FeedRecorder?

    override func setUpWithError() throws {
        stub = StubAPIServer()
        log = FeedLog()
        baseURL = try stub.start()
    }

    override func tearDown() {
        recorder?.stop()
        log.shutDown()
        stub.stop()
        super.tearDown()
    }

    private func serveStream(_ behavior: FeedLog.StreamBehavior = FeedLog.StreamBehavior()) {
        let log = log!
        stub.route("GET", "/conversions/stream") { request in log.streamResponse(request, behavior: behavior) }
    }

    private func startFeed(programID: String? = nil, backlog: Int = 0, idleTimeout: Double = 5) -> FeedRecorder {
        let client = ClientFactory.make(
            baseURL: baseURL,
            clock: SystemClock(),
            feed: FeedOptions(reconnectDelay: 0.05, maxReconnectDelay: 0.2, idleTimeout: idleTimeout, pollInterval: 0.05)
        )
        let recorder = FeedRecorder(client.conversionFeed(programID: programID, backlog: backlog))
        self.recorder = recorder
        return recorder
    }

    private var streamRequests: [HTTPRequest] {
        stub.requests(to: "/conversions/stream")
    }

    func testBacklogThenLiveEntriesArriveInOrder() async {
        serveStream()
        log.append(sequences: 1...5)

        let feed = startFeed(programID: "prg_1", backlog: 3)
        await feed.wait(for: "backlog") { $0.sequences.count == 3 }
        log.append(sequences: 6...7)
        await feed.wait(for: "live entries") { $0.sequences.count == 5 }

        XCTAssertEqual(feed.sequences, [3, 4, 5, 6, 7])
        XCTAssertEqual(streamRequests.first?.query("programId"), "prg_1")
        XCTAssertEqual(streamRequests.first?.query("backlog"), "3")
        XCTAssertEqual(streamRequests.first?.header("Accept"), "text/event-stream")
        XCTAssertNil(streamRequests.first?.header("Last-Event-ID"))
    }

    func testReportsConnectingThenStreaming() async {
        serveStream()

        let feed = startFeed()
        await feed.wait(for: "streaming") { $0.states.contains(.streaming) }

        XCTAssertEqual(feed.states.prefix(2), [.connecting, .streaming])
    }

    func testResumesAfterDropWithoutGapOrDuplicate() async {
        serveStream()
        log.append(sequences: 1...2)
        let feed = startFeed(backlog: 2)
        await feed.wait(for: "first entries") { $0.sequences.count == 2 }

        log.dropStreams()
        log.append(sequences: 3...4)
        await feed.wait(for: "entries after the drop") { $0.sequences.count == 4 }
        log.append(sequences: 5...5)
        await feed.wait(for: "live entry after resuming") { $0.sequences.count == 5 }

        XCTAssertEqual(feed.sequences, [1, 2, 3, 4, 5])
        XCTAssertGreaterThanOrEqual(streamRequests.count, 2)
        XCTAssertEqual(streamRequests.dropFirst().first?.header("Last-Event-ID"), "2")
    }

    func testReportsDisconnectedWhileReconnecting() async {
        serveStream()
        log.append(sequences: 1...1)
        let feed = startFeed(backlog: 1)
        await feed.wait(for: "first entry") { $0.sequences.count == 1 }

        log.dropStreams()
        await feed.wait(for: "second connection") { _ in self.streamRequests.count >= 2 }
        await feed.wait(for: "streaming again") { $0.states.filter { $0 == .streaming }.count >= 2 }

        let disconnected = feed.states.contains { state in
            if case .disconnected(let message, let retry, _) = state { return !message.isEmpty && retry > 0 }
            return false
        }
        XCTAssertTrue(disconnected, "\(feed.states)")
    }

    func testOverlappingReplayIsDeduplicated() async {
        var behavior = FeedLog.StreamBehavior()
        behavior.replayOverlap = 2
        serveStream(behavior)
        log.append(sequences: 1...3)
        let feed = startFeed(backlog: 3)
        await feed.wait(for: "first entries") { $0.sequences.count == 3 }

        log.dropStreams()
        log.append(sequences: 4...5)
        await feed.wait(for: "entries after the drop") { $0.sequences.count >= 5 }
        await feed.wait(for: "replay read") { _ in self.streamRequests.count >= 2 }

        XCTAssertEqual(feed.sequences, [1, 2, 3, 4, 5])
    }

    func testAnnouncedIdResumesStreamThatDeliveredNothing() async {
        var behavior = FeedLog.StreamBehavior()
        behavior.announcesLatest = true
        serveStream(behavior)
        log.append(sequences: 1...4)
        let feed = startFeed(backlog: 0)
        await feed.wait(for: "streaming") { $0.states.contains(.streaming) }
        await waitUntil("announcement read") { self.log.openStreamCount == 1 }
        try? await Task.sleep(nanoseconds: 100_000_000)

        log.dropStreams()
        log.append(sequences: 5...6)
        await feed.wait(for: "entries added during the drop") { $0.sequences.count == 2 }

        XCTAssertEqual(feed.sequences, [5, 6])
        XCTAssertEqual(streamRequests.dropFirst().first?.header("Last-Event-ID"), "4")
    }

    func testResumesAcrossServerRestart() async throws {
        serveStream()
        log.append(sequences: 1...2)
        let feed = startFeed(backlog: 2)
        await feed.wait(for: "first entries") { $0.sequences.count == 2 }

        let port = stub.port
        log.shutDown()
        stub.stop()
        let restartedLog = FeedLog()
        restartedLog.append(sequences: 1...4)
        let restarted = StubAPIServer()
        restarted.route("GET", "/conversions/stream") { request in restartedLog.streamResponse(request) }
        _ = try restarted.start(port: port)
        defer {
            restartedLog.shutDown()
            restarted.stop()
        }

        await feed.wait(for: "entries after the restart") { $0.sequences.count == 4 }

        XCTAssertEqual(feed.sequences, [1, 2, 3, 4])
        XCTAssertEqual(restarted.requests(to: "/conversions/stream").last?.header("Last-Event-ID"), "2")
    }

    func testSilentStreamIsReconnectedAfterIdleTimeout() async {
        var behavior = FeedLog.StreamBehavior()
        behavior.keepAliveInterval = 3600
        serveStream(behavior)
        log.append(sequences: 1...1)
        let feed = startFeed(backlog: 1, idleTimeout: 0.3)
        await feed.wait(for: "first entry") { $0.sequences == [1] }

        await waitUntil("reconnect after silence") { self.streamRequests.count >= 2 }
        log.append(sequences: 2...2)
        await feed.wait(for: "entry after reconnecting") { $0.sequences.count == 2 }

        let silenceReported = feed.states.contains { state in
            if case .disconnected(let message, _, _) = state { return message.contains("sent nothing for 0.3 s") }
            return false
        }
        XCTAssertEqual(feed.sequences, [1, 2])
        XCTAssertEqual(streamRequests[1].header("Last-Event-ID"), "1")
        XCTAssertTrue(silenceReported, "\(feed.states)")
    }

    func testUndecodableEventIsSkipped() async {
        stub.route("GET", "/conversions/stream") { _ in
            let body = "retry: 50\n\nid: 1\nevent: conversion.created\ndata: {not json}\n\n"
                + "id: 2\nevent: conversion.created\ndata: "
                + String(decoding: try! AgentRefJSON.makeEncoder().encode(Samples.entry(sequence: 2)), as: UTF8.self) + "\n\n"
            var response = HTTPResponse(status: 200, headers: [("Content-Type", "text/event-stream")], body: Data(body.utf8))
            response.setHeader("Cache-Control", "no-cache")
            return response
        }

        let feed = startFeed()
        await feed.wait(for: "valid entry") { $0.sequences == [2] }

        XCTAssertEqual(feed.sequences, [2])
    }

    func testStoppingConsumerClosesStream() async {
        serveStream()
        let feed = startFeed()
        await waitUntil("stream open") { self.log.openStreamCount == 1 }

        feed.stop()

        await waitUntil("stream closed") { self.log.openStreamCount == 0 }
        XCTAssertEqual(log.openStreamCount, 0)
    }

    func testUnauthorizedStreamIsRejectedAndRetried() async {
        stub.script("GET", "/conversions/stream", [StubResponses.error(401, "UNAUTHORIZED", "Unknown API key; set AGENTREF_API_KEY")])

        let feed = startFeed()
        await feed.wait(for: "second attempt") { _ in self.streamRequests.count >= 2 }

        let messages = feed.states.compactMap { state -> String? in
            if case .rejected(let message, _) = state { return message }
            return nil
        }
        XCTAssertEqual(messages.first, "Unknown API key; set AGENTREF_API_KEY")
        XCTAssertFalse(feed.states.contains { if case .disconnected = $0 { true } else { false } })
    }
}
