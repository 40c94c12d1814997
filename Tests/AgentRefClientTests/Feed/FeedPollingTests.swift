import AgentRefClient
import AgentRefDomain
import Foundation
import ServiceKit
import XCTest

final class FeedPollingTests: XCTestCase {
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

    private func startFeed(programID: String? = nil, backlog: Int = 0, clock: any ClientClock = SystemClock()) -> FeedRecorder {
        let client = ClientFactory.make(
            baseURL: baseURL,
            clock: clock,
            feed: FeedOptions(reconnectDelay: 0.05, maxReconnectDelay: 0.2, pollInterval: 0.05)
        )
        let recorder = FeedRecorder(client.conversionFeed(programID: programID, backlog: backlog))
        self.recorder = recorder
        return recorder
    }

    // MARK: Events route

    func testMissingStreamFallsBackToEventsRoute() async {
        let log = log!
        stub.route("GET", "/conversions/events") { request in log.eventsPage(request) }
        log.append(sequences: 1...3)

        let feed = startFeed(backlog: 2)
        await feed.wait(for: "backlog") { $0.sequences.count == 2 }
        log.append(sequences: 4...5)
        await feed.wait(for: "new entries") { $0.sequences.count == 4 }

        XCTAssertEqual(feed.sequences, [2, 3, 4, 5])
        XCTAssertTrue(feed.states.contains(.polling(intervalSeconds: 0.05)), "\(feed.states)")
        XCTAssertEqual(stub.requests(to: "/conversions/stream").count, 1)
    }

    func testEventsPollingAsksAfterLastSequence() async {
        let log = log!
        stub.route("GET", "/conversions/events") { request in log.eventsPage(request) }
        log.append(sequences: 1...2)

        let feed = startFeed(programID: nil, backlog: 0)
        await feed.wait(for: "polling") { $0.states.contains(.polling(intervalSeconds: 0.05)) }
        log.append(sequences: 3...3)
        await feed.wait(for: "new entry") { $0.sequences == [3] }

        let afters = stub.requests(to: "/conversions/events").compactMap { $0.query("after") }
        XCTAssertEqual(afters.first, "0")
        XCTAssertTrue(afters.contains("2"), "\(afters)")
    }

    func testEventsPollingReadsEveryPageOfCatchUp() async {
        let log = log!
        stub.route("GET", "/conversions/events") { request in log.eventsPage(request) }
        log.append(sequences: 1...250)

        let feed = startFeed(backlog: 200)
        await feed.wait(for: "backlog") { $0.sequences.count == 200 }

        XCTAssertEqual(feed.sequences.first, 51)
        XCTAssertEqual(feed.sequences.last, 250)
    }

    func testStream404ForMissingProgramDoesNotFallBack() async {
        stub.script("GET", "/conversions/stream", [StubResponses.error(404, "NOT_FOUND", "Program prg_x not found")])
        stub.script("GET", "/programs/:id", [StubResponses.error(404, "NOT_FOUND", "Program prg_x not found")])

        let feed = startFeed(programID: "prg_x")
        await waitUntil("second stream attempt") { self.stub.requests(to: "/conversions/stream").count >= 2 }

        let messages = feed.states.compactMap { state -> String? in
            if case .disconnected(let message, _, _) = state { return message }
            return nil
        }
        XCTAssertEqual(messages.first, "Program prg_x not found")
        let codes = feed.states.compactMap { state -> String? in
            if case .disconnected(_, _, let code) = state { return code }
            return nil
        }
        XCTAssertEqual(codes.first, AgentRefClientError.notFoundCode)
        XCTAssertEqual(stub.requests(to: "/conversions/events").count, 0)
    }

    // MARK: Conversions list (hosted API)

    func testHostedAPIDiffsConversionList() async {
        let conversions = ConversionList([
            Samples.conversion(id: "cnv_1", minutesAfterEpoch: 1),
            Samples.conversion(id: "cnv_2", minutesAfterEpoch: 2),
        ])
        stub.route("GET", "/conversions") { _ in conversions.response() }
        stub.script("GET", "/programs/:id", [StubResponses.object(Samples.program(id: "prg_1"))])

        let feed = startFeed(programID: "prg_1", backlog: 1)
        await feed.wait(for: "backlog") { $0.entries.count == 1 }
        conversions.add(Samples.conversion(id: "cnv_3", amount: 10000, commission: 2000, minutesAfterEpoch: 3))
        await feed.wait(for: "created") { $0.entries.count == 2 }
        var refunded = Samples.conversion(id: "cnv_3", amount: 10000, commission: 1000, status: .partiallyRefunded,
                                          minutesAfterEpoch: 3)
        refunded.amountRefunded = 5000
        conversions.replace(refunded)
        await feed.wait(for: "refund") { $0.entries.count == 3 }

        let entries = feed.entries
        XCTAssertEqual(entries.map(\.conversion.id), ["cnv_2", "cnv_3", "cnv_3"])
        XCTAssertEqual(entries.map(\.type), [.created, .created, .refunded])
        XCTAssertEqual(entries.last?.commissionReversal, 1000)
        XCTAssertEqual(entries.last?.refundAmount, 5000)
        XCTAssertEqual(entries.map(\.sequence), [1, 2, 3])
        XCTAssertEqual(stub.requests(to: "/conversions").first?.query("programId"), "prg_1")
    }

    func testHostedPollingObeysRateLimit() async {
        let conversions = ConversionList([Samples.conversion(id: "cnv_1")])
        let limited = StubResponses.error(429, "RATE_LIMITED", "Too many requests", headers: [("Retry-After", "1")])
        let queue = ResponseQueue([conversions.response(), limited, conversions.response()])
        stub.route("GET", "/conversions") { _ in queue.next() }

        let clock = VirtualClock()

        let feed = startFeed(backlog: 1, clock: clock)
        await waitUntil("poll after the 429") { self.stub.requests(to: "/conversions").count >= 3 }
        feed.stop()

        XCTAssertTrue(clock.sleeps.contains(1), "\(clock.sleeps.prefix(10))")
        XCTAssertEqual(feed.entries.map(\.conversion.id), ["cnv_1"])
    }
}

/// A conversion list the test changes between polls, served newest first.
final class ConversionList: @unchecked Sendable {
    private let lock = NSLock()
    private var conversions: [Conversion]

    init(_ conversions: [Conversion]) {
        self.conversions = conversions
    }

    func add(_ conversion: Conversion) {
        lock.withLock { conversions.append(conversion) }
    }

    func replace(_ conversion: Conversion) {
        lock.withLock {
            conversions.removeAll { $0.id == conversion.id }
            conversions.append(conversion)
        }
    }

    func response() -> HTTPResponse {
        let newestFirst = lock.withLock { conversions.sorted { $0.createdAt > $1.createdAt } }
        return StubResponses.list(newestFirst)
    }
}
