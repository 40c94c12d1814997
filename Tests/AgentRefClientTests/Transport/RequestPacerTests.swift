import AgentRefClient
import Foundation
import XCTest

final class RequestPacerTests: XCTestCase {
    func testBurstGoesOutWithoutWaiting() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(limit: 60, window: 60, burst: 10, clock: clock)

        for _ in 0..<10 { try await pacer.acquire() }

        XCTAssertEqual(clock.sleeps, [])
    }

    func testRequestAfterBurstWaitsForRefill() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(limit: 60, window: 60, burst: 10, clock: clock)

        for _ in 0..<11 { try await pacer.acquire() }

        XCTAssertEqual(clock.sleeps.count, 1)
        XCTAssertEqual(clock.sleeps.first ?? 0, 60.0 / 50.0, accuracy: 0.0001)
    }

    func testNoWindowAdmitsMoreThanLimit() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(limit: 60, window: 60, burst: 10, clock: clock)
        var times: [Date] = []

        for _ in 0..<300 {
            try await pacer.acquire()
            times.append(clock.now())
        }

        for (index, start) in times.enumerated() {
            let inWindow = times[index...].prefix { $0.timeIntervalSince(start) < 60 - 1e-9 }.count
            XCTAssertLessThanOrEqual(inWindow, 60, "window starting at request \(index)")
        }
    }

    func testHoldDelaysNextRequest() async throws {
        let clock = VirtualClock()
        let pacer = RequestPacer(clock: clock)

        await pacer.hold(forSeconds: 30)
        try await pacer.acquire()

        XCTAssertEqual(clock.sleeps, [30])
    }

    func testSustainedIntervalMatchesRefillRate() {
        let pacer = RequestPacer(limit: 60, window: 60, burst: 10)

        XCTAssertEqual(pacer.sustainedInterval, 1.2, accuracy: 0.0001)
    }
}
