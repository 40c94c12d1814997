import AgentRefDomain
import Foundation
import StripeSimulator
import XCTest

/// Replays the attribution fixtures through the real Stripe simulator (`POST /_sim/replay`,
/// what `agentref trigger NAME` calls) to a real server, and compares the result with the
/// fixture's expectation, with the fixture's ids mapped to the ones the replay sent.
final class AttributionReplayTests: XCTestCase {
    func testReplayedFixturesMatchTheirExpectations() throws {
        let replayable = try AttributionFixtures.load().fixtures.filter(\.isReplayable)
        XCTAssertGreaterThanOrEqual(replayable.count, 30)

        for fixture in replayable {
            let stack = try SimulatorStack(persistsSimulator: false)
            defer { stack.stop() }

            let mismatches = try replay(fixture, on: stack).mismatches
            if !mismatches.isEmpty {
                XCTFail("replay of \(fixture.name):\n  " + mismatches.joined(separator: "\n  "))
            }
        }
    }

    func testSecondReplayCreatesNewConversions() throws {
        let stack = try SimulatorStack()
        defer { stack.stop() }
        let fixture = try XCTUnwrap(try AttributionFixtures.load().fixture(named: "checkout-subscription-stripe-order"))

        let first = try replay(fixture, on: stack)
        let second = try replay(fixture, on: stack, programId: first.programId)

        XCTAssertEqual(second.observed.conversions.count, 2)
        XCTAssertNotEqual(first.ids.values.sorted(), second.ids.values.sorted())
        XCTAssertEqual(second.observed.revenue, ["USD": 9800])
    }

    func testFixtureWithDisconnectIsRejected() throws {
        let stack = try SimulatorStack()
        defer { stack.stop() }

        let response = try stack.simulatorControl(
            "/_sim/replay", ["fixture": try AttributionFixtures.fileObject("disconnected-program"), "clicks": ["jane": "cid_1"]],
            expectedStatus: 400
        )

        XCTAssertEqual(response.value(at: "error.param")?.stringValue, "fixture")
        XCTAssertTrue(response.value(at: "error.message")?.stringValue?.contains("disconnects") == true, "\(response)")
    }

    func testReplayWithoutClickIdIsRejected() throws {
        let stack = try SimulatorStack()
        defer { stack.stop() }

        let response = try stack.simulatorControl(
            "/_sim/replay", ["fixture": try AttributionFixtures.fileObject("refund-partial-twice")], expectedStatus: 400
        )

        XCTAssertEqual(response.value(at: "error.param")?.stringValue, "clicks")
        XCTAssertTrue(response.value(at: "error.message")?.stringValue?.contains("jane20") == true, "\(response)")
    }

    // MARK: - Helpers

    private struct ReplayResult {
        var programId: String
        var ids: [String: String]
        var observed: FixtureObservation
        var comparison: FixtureComparison

        var mismatches: [String] {
            comparison.mismatches
        }
    }

    /// Creates the fixture's program (unless `programId` is given), connects it through the
    /// authorize form, records its clicks and replays it.
    private func replay(_ fixture: AttributionFixture, on stack: SimulatorStack, programId: String? = nil) throws
        -> ReplayResult
    {
        let program = try programId ?? makeProgram(fixture, on: stack)
        var cids: [String: String] = [:]
        for (name, code) in fixture.clicks {
            cids[name] = try stack.api("POST", "/clicks", ["programId": program, "affiliateCode": code])
                .value(at: "data.cid")?.stringValue
        }

        let response = try stack.simulatorControl(
            "/_sim/replay", ["fixture": try AttributionFixtures.fileObject(fixture.name), "clicks": cids]
        )
        let events = response["events"]?.arrayValue ?? []
        XCTAssertEqual(events.count, fixture.steps.filter { $0.eventId != nil }.count, fixture.name)
        for event in events where event["delivered"]?.boolValue != true {
            XCTFail("\(fixture.name): \(event["type"]?.stringValue ?? "") was not delivered: \(event)")
        }

        let ids = (response["ids"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        let observed = try FixtureObservation(programId: program) { path in try stack.api("GET", path) }
        let comparison = FixtureComparison(fixture: fixture, observed: observed, ids: ids)
        return ReplayResult(programId: program, ids: ids, observed: observed, comparison: comparison)
    }

    private func makeProgram(_ fixture: AttributionFixture, on stack: SimulatorStack) throws -> String {
        let program = try XCTUnwrap(
            stack.api("POST", "/programs", AttributionFixtures.programBody(fixture)).value(at: "data.id")?.stringValue
        )
        for code in fixture.affiliateCodes {
            try stack.api("POST", "/programs/\(program)/affiliates", ["code": code])
        }
        _ = try stack.connectThroughAuthorizeForm(program)
        return program
    }
}
