import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit
import XCTest

final class RetryTests: XCTestCase {
    private var stub: StubAPIServer!
    private var baseURL: URL!
    private let clock = VirtualClock()

    override func setUpWithError() throws {
        stub = StubAPIServer()
        baseURL = try stub.start()
    }

    override func tearDown() {
        stub.stop()
        super.tearDown()
    }

    private var programResponse: HTTPResponse {
        StubResponses.object(Samples.program(id: "prg_1"))
    }

    private func serverError() -> HTTPResponse {
        StubResponses.error(500, "INTERNAL_ERROR", "database is locked")
    }

    func testGetIsRetriedAfterServerErrorsUntilSuccess() async throws {
        stub.script("GET", "/programs/:id", [serverError(), serverError(), programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        let program = try await client.program(id: "prg_1")

        XCTAssertEqual(program.id, "prg_1")
        XCTAssertEqual(stub.requests(to: "/programs/prg_1").count, 3)
        XCTAssertEqual(clock.sleeps, [0.5, 1.0])
    }

    func testGetGivesUpAfterMaxRetries() async {
        stub.script("GET", "/programs/:id", [serverError()])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        do {
            _ = try await client.program(id: "prg_1")
            XCTFail("expected INTERNAL_ERROR")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.code, AgentRefClientError.internalErrorCode)
        } catch {
            XCTFail("unexpected \(error)")
        }
        XCTAssertEqual(stub.requests(to: "/programs/prg_1").count, 4)
        XCTAssertEqual(clock.sleeps, [0.5, 1.0, 2.0])
    }

    func testBackoffIsCappedAtMaxDelay() {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 8, random: { $0.upperBound })

        XCTAssertEqual(policy.backoffDelay(forRetry: 0), 0.5)
        XCTAssertEqual(policy.backoffDelay(forRetry: 4), 8)
        XCTAssertEqual(policy.backoffDelay(forRetry: 10), 8)
    }

    func testJitterStaysWithinBounds() {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 8)

        for retry in 0..<8 {
            let delay = policy.backoffDelay(forRetry: retry)
            XCTAssertGreaterThanOrEqual(delay, 0)
            XCTAssertLessThanOrEqual(delay, min(8, 0.5 * pow(2, Double(retry))))
        }
    }

    func testDeleteIsNotRetriedAfterServerError() async {
        stub.script("DELETE", "/programs/:id/connect-stripe", [serverError(), StubResponses.object(
            DisconnectStripeResult(success: true, programId: "prg_1"))])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        do {
            _ = try await client.disconnectStripe(programID: "prg_1")
            XCTFail("expected INTERNAL_ERROR")
        } catch {
            XCTAssertEqual((error as? AgentRefClientError)?.status, 500)
        }
        XCTAssertEqual(stub.requests(to: "/programs/prg_1/connect-stripe").count, 1)
        XCTAssertEqual(clock.sleeps, [])
    }

    func testPostWithoutIdempotencyKeyIsNotRetried() async {
        stub.script("POST", "/clicks", [serverError(), StubResponses.object(ClickRecord(cid: "cid_1"))])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        do {
            _ = try await client.recordClick(programID: "prg_1", affiliateCode: "jane20")
            XCTFail("expected INTERNAL_ERROR")
        } catch {
            XCTAssertEqual((error as? AgentRefClientError)?.status, 500)
        }
        XCTAssertEqual(stub.requests(to: "/clicks").count, 1)
    }

    func testIdempotentPostIsRetried() async throws {
        let result = ConnectStripeResult(connected: false, programId: "prg_1", programReadiness: .setup,
                                         authUrl: "http://127.0.0.1:1/oauth/authorize?state=s", message: "Open the URL")
        stub.script("POST", "/programs/:id/connect-stripe", [serverError(), StubResponses.object(result)])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        let connected = try await client.connectStripe(programID: "prg_1")

        let requests = stub.requests(to: "/programs/prg_1/connect-stripe")
        XCTAssertEqual(connected.authUrl, result.authUrl)
        XCTAssertEqual(requests.count, 2)
        XCTAssertNotNil(requests.first?.header("Idempotency-Key"))
        XCTAssertEqual(requests.first?.header("Idempotency-Key"), requests.last?.header("Idempotency-Key"))
        XCTAssertEqual(String(decoding: requests[0].body, as: UTF8.self), #"{"method":"oauth_url"}"#)
        XCTAssertEqual(requests[0].header("Content-Type"), "application/json")
    }

    func testRateLimitWaitsForRetryAfterSeconds() async throws {
        let limited = StubResponses.error(429, "RATE_LIMITED", "Too many requests", headers: [("Retry-After", "7")])
        stub.script("GET", "/programs/:id", [limited, programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        _ = try await client.program(id: "prg_1")

        XCTAssertEqual(clock.sleeps, [7])
        XCTAssertEqual(stub.requests(to: "/programs/prg_1").count, 2)
    }

    func testRateLimitWaitsForRetryAfterDate() async throws {
        let date = clock.now().addingTimeInterval(12)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let limited = StubResponses.error(429, "RATE_LIMITED", "Slow down", headers: [("Retry-After", formatter.string(from: date))])
        stub.script("GET", "/programs/:id", [limited, programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        _ = try await client.program(id: "prg_1")

        XCTAssertEqual(clock.sleeps.count, 1)
        XCTAssertEqual(clock.sleeps.first ?? 0, 12, accuracy: 1)
    }

    func testLongRetryAfterIsNotAwaited() async {
        let limited = StubResponses.error(429, "RATE_LIMITED", "Slow down", headers: [("Retry-After", "600")])
        stub.script("GET", "/programs/:id", [limited, programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        do {
            _ = try await client.program(id: "prg_1")
            XCTFail("expected RATE_LIMITED")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.code, AgentRefClientError.rateLimitedCode)
            XCTAssertEqual(error.retryAfterSeconds, 600)
        } catch {
            XCTFail("unexpected \(error)")
        }
        XCTAssertEqual(stub.requests(to: "/programs/prg_1").count, 1)
        XCTAssertEqual(clock.sleeps, [])
    }

    func testRateLimitHoldsBackLaterRequestsThroughPacer() async throws {
        let limited = StubResponses.error(429, "RATE_LIMITED", "Slow down", headers: [("Retry-After", "600")])
        stub.script("GET", "/programs/:id", [limited, programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock, rateLimit: RateLimit())

        _ = try? await client.program(id: "prg_1")
        _ = try await client.program(id: "prg_1")

        XCTAssertEqual(clock.sleeps.count, 1)
        XCTAssertEqual(clock.sleeps.first ?? 0, 600, accuracy: 0.01)
    }

    func testRateLimitIsRetriedEvenForDelete() async throws {
        let limited = StubResponses.error(429, "RATE_LIMITED", "Slow down", headers: [("Retry-After", "2")])
        let done = StubResponses.object(DisconnectStripeResult(success: true, programId: "prg_1"))
        stub.script("DELETE", "/programs/:id/connect-stripe", [limited, done])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock)

        let result = try await client.disconnectStripe(programID: "prg_1")

        XCTAssertTrue(result.success)
        XCTAssertEqual(clock.sleeps, [2])
    }

    func testNetworkErrorIsRetriedForGet() async throws {
        let closed = StubAPIServer()
        let closedURL = try closed.start()
        closed.stop()
        let client = ClientFactory.make(baseURL: closedURL, clock: clock)

        do {
            _ = try await client.programs(cursor: nil, limit: 20)
            XCTFail("expected NETWORK_ERROR")
        } catch let error as AgentRefClientError {
            XCTAssertEqual(error.code, AgentRefClientError.networkErrorCode)
        }
        XCTAssertEqual(clock.sleeps, [0.5, 1.0, 2.0])
    }

    func testEachRetryIsLoggedWithPathAndAttempt() async throws {
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("retry-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: logURL) }
        let logger = Logger(component: "test", sink: try LogSink.file(atPath: logURL.path))
        stub.script("GET", "/programs/:id", [serverError(), programResponse])
        let client = ClientFactory.make(baseURL: baseURL, clock: clock, logger: logger)

        _ = try await client.program(id: "prg_1")

        let log = try String(contentsOf: logURL, encoding: .utf8)
        XCTAssertTrue(log.contains("retrying request"), log)
        XCTAssertTrue(log.contains("path=/programs/prg_1"), log)
        XCTAssertTrue(log.contains("attempt=2"), log)
        XCTAssertFalse(log.contains(ClientFactory.apiKey.secret))
    }
}
