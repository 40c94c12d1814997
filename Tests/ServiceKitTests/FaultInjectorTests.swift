import AgentRefLog
import Foundation
import ServiceKit
import XCTest

final class FaultInjectorTests: XCTestCase {
    private var server: HTTPServer?
    private let client = OutboundHTTPClient(timeout: 5)

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    /// Serves `response` through an injector with `specification`; returns the URL and injector.
    private func serve(
        _ specification: String,
        reached: LockedFlag,
        response: @escaping @Sendable () -> HTTPResponse = { .text("handled") }
    ) throws -> (URL, FaultInjector) {
        let injector = FaultInjector(plan: try FaultPlan.parse(specification), seed: 1, logger: .silent)
        let server = HTTPServer(configuration: .init(port: 0), logger: .silent) { request in
            injector.apply(
                to: request,
                statusResponse: { status, _ in .text("injected", status: status) },
                handler: {
                    reached.set()
                    return response()
                }
            )
        }
        try server.start()
        self.server = server
        return (server.baseURL, injector)
    }

    func testStatusFaultAnswersWithoutHandling() throws {
        let reached = LockedFlag()
        let (url, injector) = try serve("status500:1", reached: reached)

        let response = try client.send(method: "GET", url: url)

        XCTAssertEqual(response.status, 500)
        XCTAssertFalse(reached.isSet)
        XCTAssertEqual(injector.injectedCounts["status500"], 1)
    }

    func testRateLimitFaultCarriesRetryAfter() throws {
        let (url, _) = try serve("status429=3s:1", reached: LockedFlag())

        let response = try client.send(method: "GET", url: url)

        XCTAssertEqual(response.status, 429)
        XCTAssertEqual(response.header("Retry-After"), "3")
    }

    func testDropHandlesRequestThenClosesConnection() throws {
        let reached = LockedFlag()
        let (url, injector) = try serve("drop:1", reached: reached)

        XCTAssertThrowsError(try client.send(method: "POST", url: url))
        XCTAssertTrue(reached.isSet)
        XCTAssertEqual(injector.injectedCounts["drop"], 1)
    }

    func testDelayStillHandles() throws {
        let reached = LockedFlag()
        let (url, injector) = try serve("delay=20ms:1", reached: reached)

        let response = try client.send(method: "GET", url: url)

        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(reached.isSet)
        XCTAssertEqual(injector.injectedCounts["delay"], 1)
    }

    /// Makes a streamed response of `count` lines `piece`.
    private static func pieces(_ count: Int) -> @Sendable () -> HTTPResponse {
        let remaining = LockedCounter(count)
        return {
            HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], stream: ResponseStream(next: {
                remaining.decrement() >= 0 ? Data("piece\n".utf8) : nil
            }))
        }
    }

    func testStreamDropBreaksConnectionMidway() throws {
        let (url, injector) = try serve("drop:1", reached: LockedFlag(), response: Self.pieces(3))

        XCTAssertThrowsError(try client.send(method: "GET", url: url))
        XCTAssertEqual(injector.injectedCounts["drop"], 1)
    }

    func testStreamWithoutDropFinishes() throws {
        let (url, _) = try serve("status500:0", reached: LockedFlag(), response: Self.pieces(2))

        let response = try client.send(method: "GET", url: url)

        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "piece\npiece\n")
    }

    func testSameSeedGivesSameDecisions() throws {
        let plan = try FaultPlan.parse("status500:0.3,drop:0.3")
        let first = FaultInjector(plan: plan, seed: 42, logger: .silent)
        let second = FaultInjector(plan: plan, seed: 42, logger: .silent)
        let other = FaultInjector(plan: plan, seed: 43, logger: .silent)

        let decisions = { (injector: FaultInjector) in
            (0..<64).map { _ in
                let decision = injector.decide()
                return "\(decision.status?.code ?? 0)/\(decision.drop)"
            }
        }
        let firstRun = decisions(first)

        XCTAssertEqual(firstRun, decisions(second))
        XCTAssertNotEqual(firstRun, decisions(other))
        XCTAssertTrue(firstRun.contains("500/false") || firstRun.contains("500/true"))
        XCTAssertTrue(firstRun.contains("0/false"))
    }
}
