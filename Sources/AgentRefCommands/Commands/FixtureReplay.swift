import AgentRefDomain
import Foundation
import StripeSimulator

/// `agentref trigger FIXTURE`: replays an attribution fixture through the Stripe simulator,
/// with click ids recorded on the AgentRef server for the fixture's clicks.
struct FixtureReplay {
    /// `trigger` options that only the built-in scenarios take; a fixture fixes these itself.
    static let scenarioOnlyOptions = ["cid", "affiliate", "amount", "currency", "charge", "subscription"]

    let fixture: AttributionFixture
    let file: URL
    let parsed: ParsedArguments
    let simulator: SimulatorControlClient

    func run() throws -> Int32 {
        try checkOptions()
        let object: JSONValue
        do {
            object = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
        } catch {
            throw UsageError("cannot read fixture \(file.path): \(error.localizedDescription)", command: "trigger")
        }
        let cids = try recordClicks()

        let result = try simulator.replay(fixture: object, account: parsed.value("account"), cids: cids)
        if parsed.flag("json") {
            Terminal.print(String(decoding: try JSONEncoder.pretty.encode(result.raw), as: UTF8.self))
        } else {
            printSummary(result)
        }
        return result.events.allSatisfy(\.delivered) ? ExitCode.success : ExitCode.failure
    }

    private func checkOptions() throws {
        if let option = Self.scenarioOnlyOptions.first(where: { parsed.value($0) != nil }) {
            throw UsageError(
                "--\(option) does not apply to fixture \(fixture.name), whose events fix amounts, currencies and "
                    + "click ids; leave it out",
                command: "trigger"
            )
        }
        guard fixture.isReplayable else {
            throw UsageError(
                "fixture \(fixture.name) disconnects the program midway, which only the test suite can do; "
                    + "replay another fixture",
                command: "trigger"
            )
        }
        if !fixture.clicks.isEmpty, parsed.value("program") == nil {
            let codes = fixture.affiliateCodes.joined(separator: ", ")
            throw UsageError(
                "fixture \(fixture.name) credits affiliates \(codes); pass --program ID so their clicks are recorded "
                    + "on the AgentRef server",
                command: "trigger"
            )
        }
    }

    /// Records one click per fixture click on the server and returns click name → cid.
    private func recordClicks() throws -> [String: String] {
        guard let program = parsed.value("program"), !fixture.clicks.isEmpty else { return [:] }
        let api = try DashboardEnvironment.apiCalls(command: "trigger")

        var cids: [String: String] = [:]
        for (name, code) in fixture.clicks.sorted(by: { $0.key < $1.key }) {
            cids[name] = try api.recordClick(programID: program, affiliateCode: code)
        }
        return cids
    }

    private func printSummary(_ result: SimulatorControlClient.TriggerResult) {
        let account = result.raw["account"]?.stringValue ?? "?"
        Terminal.print("Replaying fixture \(fixture.name) on \(account): \(fixture.description)")
        for event in result.events {
            let status = event.delivered ? "delivered" : "not delivered (the simulator retries; see its log)"
            Terminal.print("\(event.type)  \(event.id)  \(status)")
        }
        Terminal.print(Self.expectationText(fixture))
    }

    /// Describes the fixture's expected result, such as `Expected for a new program (recurring,
    /// 20 %, USD): 1 conversion, revenue USD 49.00, commission USD 9.80, 0 unattributed payments.`
    static func expectationText(_ fixture: AttributionFixture) -> String {
        let expected = fixture.expected
        let count = expected.conversions.count
        let conversions = "\(count) conversion\(count == 1 ? "" : "s")"
        return "Expected for a new program (\(programText(fixture.program))): \(conversions), "
            + "revenue \(totalsText(expected.revenue)), commission \(totalsText(expected.commission)), "
            + "\(expected.unattributedPayments) unattributed payments, "
            + "connection \(expected.connectionStatus.rawValue)."
    }

    private static func programText(_ program: AttributionFixture.ProgramSettings) -> String {
        var parts = [program.commissionType.rawValue]
        if let fixed = program.commissionFixedAmount, let currency = CurrencyCode(program.currency) {
            parts.append("fixed \(Money(minorUnits: fixed, currency: currency))")
        } else {
            parts.append("\(Self.number(program.commissionPercent ?? 0)) %")
        }
        if let months = program.commissionLimitMonths {
            parts.append("\(months) months")
        }
        parts.append(program.currency)
        return parts.joined(separator: ", ")
    }

    private static func totalsText(_ totals: [String: Int64]) -> String {
        let amounts = totals.sorted { $0.key < $1.key }.compactMap { code, minorUnits in
            CurrencyCode(code).map { Money(minorUnits: minorUnits, currency: $0).description }
        }
        return amounts.isEmpty ? "none" : amounts.joined(separator: " · ")
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
