import AgentRefDomain
import Foundation
import StripeSimulator

/// `agentref trigger SCENARIO`: has the Stripe simulator send a scenario's events, either a
/// built-in scenario or an attribution fixture replayed from the fixture folder.
struct TriggerCommand {
    static let spec = CommandSpec(
        name: "trigger",
        summary: "Send the Stripe events of a payment scenario or attribution fixture from the simulator.",
        arguments: [ArgumentSpec("SCENARIO", help: "A scenario or fixture listed below.")],
        options: [
            OptionSpec("sim-url", value: "URL", help: "Stripe simulator URL (default $STRIPE_SIM_URL or http://127.0.0.1:12111)."),
            OptionSpec("account", value: "ACCOUNT", help: "Stripe account id (default: the simulator's first account)."),
            OptionSpec("cid", value: "CID", help: "Click id to put in agentref_cid; see --program and --affiliate."),
            OptionSpec("program", value: "ID", help: "Program to record clicks for on the AgentRef server: "
                + "the --affiliate click of a scenario, or every click of a fixture."),
            OptionSpec("affiliate", value: "CODE", help: "Affiliate code for the click (with --program)."),
            OptionSpec("amount", value: "MINOR_UNITS", help: "Amount in the currency's minor unit, e.g. 2900 for USD 29.00."),
            OptionSpec("currency", value: "CODE", help: "Three-letter currency code such as usd, jpy or kwd."),
            OptionSpec("charge", value: "CHARGE_ID", help: "Charge to refund (refund; default: the latest charge)."),
            OptionSpec("subscription", value: "SUB_ID", help: "Subscription to renew or cancel (default: the latest)."),
            OptionSpec("fixtures", value: "DIR", help: "Folder of attribution fixtures (default $AGENTREF_FIXTURES, "
                + "else \(FixtureCatalog.repositoryPath) in the current or the binary's checkout)."),
            OptionSpec("json", help: "Print the simulator's response as JSON."),
        ],
        discussion: "Scenarios:\n" + SimulatorScenario.allCases.map { "  \($0.rawValue)\n      \($0.summary)" }
            .joined(separator: "\n")
            + "\n\nExamples:"
            + "\n  agentref trigger checkout-subscription --program prg_123 --affiliate jane20 --amount 4900"
            + "\n  agentref trigger refund-partial-twice --program prg_123",
        dynamicHelp: { FixtureHelp.text(directory: FixtureCatalog.locateDirectory()) }
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let simulatorURL = try URLOption.parse(
            parsed.value("sim-url") ?? environment["STRIPE_SIM_URL"] ?? "http://127.0.0.1:12111",
            option: "sim-url", command: "trigger"
        )
        let simulator = SimulatorControlClient(baseURL: simulatorURL)
        guard let scenario = SimulatorScenario(rawValue: parsed.positionals[0]) else {
            let (catalog, fixture) = try fixtureArgument()
            return try FixtureReplay(
                fixture: fixture, file: catalog.fileURL(of: fixture.name), parsed: parsed, simulator: simulator
            ).run()
        }
        return try run(scenario, simulator: simulator)
    }

    private func run(_ scenario: SimulatorScenario, simulator: SimulatorControlClient) throws -> Int32 {
        if let fixtures = parsed.value("fixtures") {
            throw UsageError(
                "--fixtures \(fixtures) applies to fixture replays, not to scenario \(scenario.rawValue)",
                command: "trigger"
            )
        }
        var trigger = SimulatorControlClient.Trigger(scenario: scenario.rawValue)
        trigger.account = parsed.value("account")
        trigger.cid = try clickID()
        trigger.amount = try amount()
        trigger.currency = parsed.value("currency")
        if let charge = parsed.value("charge") { trigger.target["charge"] = charge }
        if let subscription = parsed.value("subscription") { trigger.target["subscription"] = subscription }

        let result = try simulator.trigger(trigger)
        if parsed.flag("json") {
            let data = try JSONEncoder.pretty.encode(result.raw)
            Terminal.print(String(decoding: data, as: UTF8.self))
        } else {
            printSummary(result)
        }
        return result.events.allSatisfy(\.delivered) ? ExitCode.success : ExitCode.failure
    }

    /// Finds the fixture the SCENARIO argument names, in `--fixtures` or the default folder.
    private func fixtureArgument() throws -> (FixtureCatalog, AttributionFixture) {
        let name = parsed.positionals[0]
        let scenarios = SimulatorScenario.allCases.map(\.rawValue).joined(separator: ", ")
        let directory = parsed.value("fixtures").map { URL(fileURLWithPath: $0) } ?? FixtureCatalog.locateDirectory()
        guard let directory else {
            throw UsageError(
                "unknown scenario \"\(name)\"; use one of \(scenarios), or a fixture name with --fixtures DIR "
                    + "(no fixture folder was found)",
                command: "trigger"
            )
        }

        let catalog: FixtureCatalog
        do {
            catalog = try FixtureCatalog(directory: directory)
        } catch let error as FixtureError {
            throw UsageError(error.message, command: "trigger")
        }
        guard let fixture = catalog.fixture(named: name) else {
            throw UsageError(
                "unknown scenario \"\(name)\"; use one of \(scenarios), or a fixture of \(directory.path)",
                command: "trigger"
            )
        }
        return (catalog, fixture)
    }

    private func amount() throws -> Int64? {
        guard let text = parsed.value("amount") else { return nil }
        guard let amount = Int64(text), amount > 0 else {
            throw UsageError("invalid --amount \"\(text)\": expected a positive whole number of minor units", command: "trigger")
        }
        return amount
    }

    private func clickID() throws -> String? {
        if let cid = parsed.value("cid") { return cid }
        guard let program = parsed.value("program") else { return nil }
        guard let affiliate = parsed.value("affiliate") else {
            throw UsageError("--program needs --affiliate CODE to record a click", command: "trigger")
        }

        let api = try DashboardEnvironment.apiCalls(command: "trigger")
        return try api.recordClick(programID: program, affiliateCode: affiliate)
    }

    private func printSummary(_ result: SimulatorControlClient.TriggerResult) {
        for event in result.events {
            let status = event.delivered ? "delivered" : "not delivered (the simulator retries; see its log)"
            Terminal.print("\(event.type)  \(event.id)  \(status)")
        }
        for (role, id) in result.objects.sorted(by: { $0.key < $1.key }) {
            Terminal.print("  \(role): \(id)")
        }
    }
}

extension JSONEncoder {
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
