import AgentRefDomain
import AgentRefLog
import Foundation
import ServiceKit
import StripeSimulator
import XCTest

@testable import AgentRefServer

/// Runs every attribution fixture through the real webhook path of a fresh server (real
/// SQLite file, signed deliveries over loopback, Stripe stub for the connect step) and
/// compares what the server stored with what the fixture expects.
final class AttributionFixtureTests: ServerTestCase {
    // MARK: - Tests

    func testEveryFixtureMatchesItsExpectation() throws {
        let catalog = try AttributionFixtures.load()
        XCTAssertGreaterThanOrEqual(catalog.fixtures.count, 30)

        for fixture in catalog.fixtures {
            let mismatches = try run(fixture)
            if !mismatches.isEmpty {
                XCTFail("fixture \(fixture.name):\n  " + mismatches.joined(separator: "\n  "))
            }
        }
    }

    func testFixturesCoverEveryRule() throws {
        let covered = Set(try AttributionFixtures.load().fixtures.flatMap(\.rules))

        for rule in AttributionRule.allCases {
            XCTAssertTrue(covered.contains(rule), "no fixture exercises \(rule.rawValue)")
        }
    }

    func testFixtureNamesDifferFromBuiltInScenarios() throws {
        let builtIn = Set(SimulatorScenario.allCases.map(\.rawValue))

        for fixture in try AttributionFixtures.load().fixtures {
            XCTAssertFalse(builtIn.contains(fixture.name), "fixture \(fixture.name) hides a built-in scenario")
        }
    }

    // MARK: - Running one fixture

    /// Runs `fixture` on a fresh server and returns every difference from its expectation.
    private func run(_ fixture: AttributionFixture) throws -> [String] {
        try resetServer()
        let programId = try setUpProgram(fixture)
        let cids = try recordClicks(fixture, programId: programId)
        for customer in fixture.customers {
            stub.addCustomer(try ClickPlaceholders.substitute(in: customer, cids: cids), account: fixture.account)
        }
        let page = try connect(programId: programId, account: fixture.account)
        guard page.status == 200 else { return ["connect: status \(page.status): \(page.text)"] }
        let secret = try endpointSecret(programId: programId)

        var mismatches = try deliverSteps(fixture, programId: programId, secret: secret, cids: cids)
        let observed = try FixtureObservation(programId: programId) { path in try get("/api/v1" + path).json }
        mismatches += FixtureComparison(fixture: fixture, observed: observed).mismatches
        mismatches += logMismatches(fixture, programId: programId)
        return mismatches
    }

    /// Replaces the server with a new one on an empty data directory.
    private func resetServer() throws {
        app.stop()
        try? FileManager.default.removeItem(at: dataDirectory)
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("agentref-fixture-\(UUID().uuidString)")
        try startServer()
    }

    private func setUpProgram(_ fixture: AttributionFixture) throws -> String {
        let created = try post("/api/v1/programs", AttributionFixtures.programBody(fixture))
        XCTAssertEqual(created.status, 201, "\(fixture.name): \(created.text)")
        let programId = try XCTUnwrap(created.json.value(at: "data.id")?.stringValue)
        for code in fixture.affiliateCodes {
            _ = try createAffiliate(programId: programId, code: code)
        }
        return programId
    }

    private func recordClicks(_ fixture: AttributionFixture, programId: String) throws -> [String: String] {
        var cids: [String: String] = [:]
        for (name, code) in fixture.clicks.sorted(by: { $0.key < $1.key }) {
            cids[name] = try createClick(programId: programId, code: code)
        }
        return cids
    }

    private func deliverSteps(
        _ fixture: AttributionFixture, programId: String, secret: String, cids: [String: String]
    ) throws -> [String] {
        var mismatches: [String] = []
        var bodies: [String: Data] = [:]
        for (index, step) in fixture.steps.enumerated() {
            switch step {
            case .event(let event, _, _):
                let body = try JSONEncoder().encode(try ClickPlaceholders.substitute(in: event, cids: cids))
                bodies[step.eventId ?? ""] = body
                let response = try send(body, programId: programId, secret: secret)
                if response.status != 200 || response.json["duplicate"] != nil {
                    mismatches.append("step \(index + 1): delivery answered \(response.status) \(response.text)")
                }
            case .redeliver(let eventId):
                let body = try XCTUnwrap(bodies[eventId], "\(fixture.name): redeliver \(eventId) before delivery")
                let response = try send(body, programId: programId, secret: secret)
                if response.status != 200 || response.json["duplicate"]?.boolValue != true {
                    mismatches.append("step \(index + 1): redelivery answered \(response.status) \(response.text)")
                }
            case .disconnect:
                let response = try delete("/api/v1/programs/\(programId)/connect-stripe")
                if response.status != 200 {
                    mismatches.append("step \(index + 1): disconnect answered \(response.status) \(response.text)")
                }
            }
        }
        return mismatches
    }

    /// Posts `body` to the program's webhook URL, signed now with `secret` as Stripe signs it.
    private func send(_ body: Data, programId: String, secret: String) throws -> APIResponse {
        let header = StripeSignature.header(payload: body, secret: secret, timestamp: Int64(Date().timeIntervalSince1970))
        return try request(
            "POST", "/webhooks/stripe/\(programId)", body: body,
            headers: ["Stripe-Signature": header, "Content-Type": "application/json; charset=utf-8"], authorized: false
        )
    }

    /// Checks that every event was logged with its id, the program id, its outcome and a reason.
    /// An event stored `linked` may have been logged `unattributed` when it arrived, because
    /// a later event of its payment linked it afterwards.
    private func logMismatches(_ fixture: AttributionFixture, programId: String) -> [String] {
        let lines = ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
            .split(separator: "\n")
            .filter { $0.contains("webhook stored") }
        return fixture.steps.compactMap { step -> String? in
            guard case .event(let event, let outcome, _) = step, let id = event["id"]?.stringValue else { return nil }
            var loggedOutcomes = [outcome.rawValue]
            if outcome == .linked { loggedOutcomes.append(StripeEventOutcome.unattributed.rawValue) }
            let logged = lines.contains { line in
                line.contains("event_id=\(id)") && line.contains("program_id=\(programId)")
                    && loggedOutcomes.contains { line.contains("outcome=\($0)") } && line.contains("reason=")
            }
            return logged ? nil : "log: no \"webhook stored\" line for \(id) with program_id, outcome and reason"
        }
    }
}
