import AgentRefClient
import AgentRefDomain
import Foundation
import XCTest

@testable import AgentRefServer

/// The client against the real server started with a fault plan: error statuses, rate
/// limits, dropped connections and a restart. Seeds are fixed, so every run injects the
/// same faults.
final class FaultToleranceTests: XCTestCase {
    private var stack: LiveStack!
    private var recorder: FeedRecorder?

    override func setUpWithError() throws {
        stack = try LiveStack()
    }

    override func tearDown() {
        recorder?.stop()
        recorder = nil
        stack?.stop()
        stack = nil
        super.tearDown()
    }

    private func makeClient(clock: any ClientClock = VirtualClock(), maxRetries: Int = 10) -> AgentRefHTTPClient {
        ClientFactory.make(
            baseURL: stack.apiURL, apiKey: stack.key, clock: clock,
            retryPolicy: ClientFactory.exactRetryPolicy(maxRetries: maxRetries),
            feed: FeedOptions(reconnectDelay: 0.05, maxReconnectDelay: 0.2, idleTimeout: 5, pollInterval: 0.05)
        )
    }

    func testReadsSurviveServerErrorsAndRateLimits() async throws {
        let (programId, _, _) = try stack.makeConnectedProgram()
        try stack.restartServer(faults: "status500:0.3,status429=3s:0.2", seed: 11)
        let clock = VirtualClock()
        let client = makeClient(clock: clock)

        for _ in 0..<8 {
            let programs = try await client.programs(cursor: nil, limit: 20)
            let program = try await client.program(id: programId)
            let connection = try await client.stripeConnection(programID: programId)
            XCTAssertEqual(programs.items.map(\.id), [programId])
            XCTAssertEqual(program.id, programId)
            XCTAssertEqual(connection.status, .connected)
        }
        let counts = stack.server.injectedFaultCounts

        XCTAssertGreaterThan(counts["status500"] ?? 0, 0)
        XCTAssertGreaterThan(counts["status429"] ?? 0, 0)
        XCTAssertEqual(clock.sleeps.filter { $0 == 3 }.count, counts["status429"], "\(clock.sleeps)")
    }

    func testConnectWithIdempotencyKeySurvivesLostResponses() async throws {
        let programId = try stack.api("POST", "/programs", [
            "name": "Lossy", "commissionType": "one_time", "commissionPercent": 10,
        ]).value(at: "data.id")?.stringValue ?? ""
        try stack.restartServer(faults: "drop:0.5", seed: 3)
        let client = makeClient()

        let result = try await client.connectStripe(programID: programId)
        let detail = try await client.stripeConnection(programID: programId)

        XCTAssertGreaterThan(stack.server.injectedFaultCounts["drop"] ?? 0, 0)
        XCTAssertTrue(stack.serverLog().contains("idempotent request replayed"), stack.serverLog())
        XCTAssertEqual(stack.serverLog().components(separatedBy: "stripe authorization requested").count - 1, 1)
        XCTAssertEqual(detail.status, .pending)
        XCTAssertEqual(result.authUrl, detail.authUrl)
    }

    func testCreateProgramWithIdempotencyKeyCreatesOne() async throws {
        try stack.restartServer(faults: "drop:0.5", seed: 5)
        let client = makeClient()
        let draft = ProgramDraft(name: "Exactly Once", commissionType: .oneTime, commissionPercent: 10)

        let created = try await client.createProgram(draft)
        let all = try await client.allPrograms()

        XCTAssertTrue(stack.serverLog().contains("idempotent request replayed"), stack.serverLog())
        XCTAssertEqual(all.filter { $0.name == "Exactly Once" }.map(\.id), [created.id])
    }

    func testDisconnectIsNotRetriedAfterServerError() async throws {
        let (programId, _, _) = try stack.makeConnectedProgram()
        try stack.restartServer(faults: "status500:1", seed: 1)
        let client = makeClient()

        do {
            _ = try await client.disconnectStripe(programID: programId)
            XCTFail("disconnect succeeded although every response is 500")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.kind, .internalError)
            XCTAssertNotNil(error.requestID)
        }
        let attempts = stack.server.injectedFaultCounts["status500"]
        try stack.restartServer()

        XCTAssertEqual(attempts, 1)
        XCTAssertEqual(try stack.api("GET", "/programs/\(programId)/stripe").value(at: "data.status")?.stringValue, "connected")
    }

    func testStreamResumesWithoutGapOrDuplicate() async throws {
        let (programId, cid, account) = try stack.makeConnectedProgram()
        try stack.restartServer(faults: "drop:0.3", seed: 21)
        let client = makeClient(clock: SystemClock())
        let feed = FeedRecorder(client.conversionFeed(programID: programId, backlog: 0))
        recorder = feed
        await feed.wait(for: "stream") { $0.states.contains(.streaming) }

        for round in 0..<3 {
            for _ in 0..<4 {
                try stack.purchase(account: account, cid: cid)
            }
            if round == 1 { try stack.restartServer(faults: "drop:0.3", seed: 22) }
        }
        var expected = try await allSequences(client, programId: programId)
        for _ in 0..<100 where expected.count < 12 {
            try await Task.sleep(nanoseconds: 50_000_000)
            expected = try await allSequences(client, programId: programId)
        }
        await feed.wait(for: "every entry", timeout: 20) { $0.sequences.count >= expected.count }

        XCTAssertEqual(expected.count, 12)
        XCTAssertEqual(feed.sequences, expected)
        XCTAssertEqual(Set(feed.sequences).count, feed.sequences.count)
        XCTAssertTrue(feed.states.contains { if case .disconnected = $0 { true } else { false } }, "\(feed.states)")
    }

    /// Reads every feed sequence on the server with the client, which retries the faults.
    private func allSequences(_ client: AgentRefHTTPClient, programId: String) async throws -> [Int64] {
        var sequences: [Int64] = []
        var after: Int64 = 0
        while true {
            let page = try await client.conversionEvents(programID: programId, after: after, limit: 100)
            sequences += page.items.map(\.sequence)
            guard page.hasMore, let last = page.items.last?.sequence else { return sequences }
            after = last
        }
    }
}
