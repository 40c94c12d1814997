import AgentRefClient
import AgentRefDomain
import Foundation
import XCTest

/// The dashboard's service calls and live feed against a stub shaped like the hosted
/// AgentRef API: no extension routes and 60 requests a minute.
final class HostedAPITests: XCTestCase {
    private var clock: VirtualClock!
    private var hosted: HostedAPIStub!
    private var baseURL: URL!
    private var recorder: FeedRecorder?

    override func setUpWithError() throws {
        clock = VirtualClock()
        hosted = HostedAPIStub(clock: clock)
        baseURL = try hosted.start()
    }

    override func tearDown() {
        recorder?.stop()
        recorder = nil
        hosted.stop()
        hosted = nil
        super.tearDown()
    }

    /// Makes a client with the default options (paced to 60 a minute) on the virtual clock.
    private func makeClient(rateLimit: RateLimit? = RateLimit(), feed: FeedOptions = FeedOptions()) -> AgentRefHTTPClient {
        let options = ClientOptions(
            retryPolicy: ClientFactory.exactRetryPolicy(), requestTimeout: 5, clock: clock, rateLimit: rateLimit, feed: feed
        )
        return AgentRefHTTPClient(baseURL: baseURL, apiKey: ClientFactory.apiKey, options: options)
    }

    func testDashboardCallsWorkWithoutExtensionRoutes() async throws {
        let service: any AgentRefService = makeClient()
        let programID = HostedAPIStub.program.id

        let programs = try await service.programs(cursor: nil, limit: 20)
        let program = try await service.program(id: programID)
        let stats = try await service.programStats(id: programID)
        let affiliates = try await service.affiliates(programID: programID, cursor: nil, limit: 20)
        let connected = try await service.stripeConnection(programID: programID)
        let alreadyConnected = try await service.connectStripe(programID: programID)
        let disconnected = try await service.disconnectStripe(programID: programID)
        let afterDisconnect = try await service.stripeConnection(programID: programID)
        let connect = try await service.connectStripe(programID: programID)
        let conversions = try await service.conversions(programID: programID, cursor: nil, limit: 20)

        XCTAssertEqual(programs.items.map(\.id), [programID])
        XCTAssertEqual(program.name, "Hosted Program")
        XCTAssertEqual(stats.programId, programID)
        XCTAssertEqual(affiliates.items.map(\.code), ["jane20"])
        XCTAssertEqual(connected.status, .connected)
        XCTAssertEqual(connected.stripeAccountId, "acct_1Hosted")
        XCTAssertTrue(alreadyConnected.connected)
        XCTAssertTrue(disconnected.success)
        XCTAssertEqual(afterDisconnect.status, .disconnected)
        XCTAssertNotNil(connect.authUrl)
        XCTAssertTrue(conversions.items.isEmpty)
        XCTAssertEqual(hosted.paths.filter { $0.hasSuffix("/stripe") }.count, 1)
    }

    func testPollingFeedStaysUnderSixtyRequestsAMinute() async throws {
        // Polling every half second would send 120 requests a minute; the pace must hold it to 60.
        let client = makeClient(feed: FeedOptions(pollInterval: 0.5))
        let feed = FeedRecorder(client.conversionFeed(programID: nil, backlog: 0))
        recorder = feed
        await feed.wait(for: "polling") { $0.states.contains { if case .polling = $0 { true } else { false } } }

        for index in 1...3 {
            hosted.addConversion(Samples.conversion(id: "cnv_live_\(index)", minutesAfterEpoch: Double(index)))
        }
        await feed.wait(for: "new conversions") { $0.entries.count == 3 }
        await waitUntil("ten minutes of polling") {
            guard let first = self.hosted.admitted.first, let last = self.hosted.admitted.last else { return false }
            return last.timeIntervalSince(first) > 600
        }
        feed.stop()
        let times = hosted.admitted

        XCTAssertEqual(Set(feed.entries.map(\.conversion.id)), ["cnv_live_1", "cnv_live_2", "cnv_live_3"])
        XCTAssertEqual(hosted.rejected, 0)
        XCTAssertLessThanOrEqual(Self.busiestMinute(times), HostedAPIStub.limit)
        XCTAssertFalse(hosted.paths.contains("/api/v1/programs/\(HostedAPIStub.program.id)/stripe"))
    }

    func testRateLimitedCallsWaitForRetryAfter() async throws {
        let client = makeClient(rateLimit: nil)

        for _ in 0..<(HostedAPIStub.limit + 5) {
            let page = try await client.programs(cursor: nil, limit: 20)
            XCTAssertEqual(page.items.count, 1)
        }

        XCTAssertEqual(hosted.rejected, 5)
        XCTAssertEqual(clock.sleeps, Array(repeating: 1, count: 5))
    }

    /// Returns the maximum number of requests in any window of 60 seconds.
    private static func busiestMinute(_ times: [Date]) -> Int {
        var busiest = 0
        var start = 0
        for end in times.indices {
            while times[end].timeIntervalSince(times[start]) >= 60 { start += 1 }
            busiest = max(busiest, end - start + 1)
        }
        return busiest
    }
}
