import AgentRefDomain
import Foundation
import StripeSimulator

/// `agentref trigger SCENARIO`: has the Stripe simulator send a scenario's events.
struct TriggerCommand {
    static let spec = CommandSpec(
        name: "trigger",
        summary: "Send the Stripe events of a payment scenario from the simulator.",
        arguments: [ArgumentSpec("SCENARIO", help: "One of the scenarios listed below.")],
        options: [
            OptionSpec("sim-url", value: "URL", help: "Stripe simulator URL (default $STRIPE_SIM_URL or http://127.0.0.1:12111)."),
            OptionSpec("account", value: "ACCOUNT", help: "Stripe account id (default: the simulator's first account)."),
            OptionSpec("cid", value: "CID", help: "Click id to put in agentref_cid; see --program and --affiliate."),
            OptionSpec("program", value: "ID", help: "With --affiliate: record a click on the AgentRef server and use its cid."),
            OptionSpec("affiliate", value: "CODE", help: "Affiliate code for the click (with --program)."),
            OptionSpec("amount", value: "MINOR_UNITS", help: "Amount in the currency's minor unit, e.g. 2900 for USD 29.00."),
            OptionSpec("currency", value: "CODE", help: "Three-letter currency code such as usd, jpy or kwd."),
            OptionSpec("charge", value: "CHARGE_ID", help: "Charge to refund (refund; default: the latest charge)."),
            OptionSpec("subscription", value: "SUB_ID", help: "Subscription to renew or cancel (default: the latest)."),
            OptionSpec("json", help: "Print the simulator's response as JSON."),
        ],
        discussion: "Scenarios:\n" + SimulatorScenario.allCases.map { "  \($0.rawValue)\n      \($0.summary)" }
            .joined(separator: "\n")
            + "\n\nExample:\n  agentref trigger checkout-subscription --program prg_123 --affiliate jane20 --amount 4900"
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let scenario = try scenarioArgument()
        let environment = ProcessInfo.processInfo.environment
        let simulatorURL = try URLOption.parse(
            parsed.value("sim-url") ?? environment["STRIPE_SIM_URL"] ?? "http://127.0.0.1:12111",
            option: "sim-url", command: "trigger"
        )
        var trigger = SimulatorControlClient.Trigger(scenario: scenario.rawValue)
        trigger.account = parsed.value("account")
        trigger.cid = try clickID()
        trigger.amount = try amount()
        trigger.currency = parsed.value("currency")
        if let charge = parsed.value("charge") { trigger.target["charge"] = charge }
        if let subscription = parsed.value("subscription") { trigger.target["subscription"] = subscription }

        let result = try SimulatorControlClient(baseURL: simulatorURL).trigger(trigger)
        if parsed.flag("json") {
            let data = try JSONEncoder.pretty.encode(result.raw)
            Terminal.print(String(decoding: data, as: UTF8.self))
        } else {
            printSummary(result)
        }
        return result.events.allSatisfy(\.delivered) ? ExitCode.success : ExitCode.failure
    }

    private func scenarioArgument() throws -> SimulatorScenario {
        let name = parsed.positionals[0]
        guard let scenario = SimulatorScenario(rawValue: name) else {
            let names = SimulatorScenario.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("unknown scenario \"\(name)\"; use one of \(names)", command: "trigger")
        }
        return scenario
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
