import AgentRefLog
import Foundation
import StripeSimulator

/// `agentref stripe-sim`: runs the local Stripe stand-in until SIGINT or SIGTERM.
struct StripeSimCommand {
    static let spec = CommandSpec(
        name: "stripe-sim",
        summary: "Run the Stripe simulator: OAuth pages, webhook endpoints API and signed events.",
        options: [
            OptionSpec("port", value: "PORT", help: "TCP port to listen on; 0 picks a free one (default 12111)."),
            OptionSpec("data-dir", value: "DIR", help: "Folder for stripe-sim.json; without it, state is kept in memory."),
            OptionSpec("read-only-restricted", help: """
                Refuse webhook endpoint writes (create, update, delete) on a connected account through a \
                read_only grant with Stripe's 403 permission error, so an AgentRef server must fall back to a \
                platform Connect endpoint.
                """),
            OptionSpec("log-file", value: "PATH", help: "Append logs to PATH instead of standard error."),
            OptionSpec("log-level", value: "LEVEL", help: "debug, info, warning or error (default info)."),
        ] + FaultOptions.simulator.specs,
        discussion: """
            STRIPE_SIM_WEBHOOK_SECRET, when set, is the whsec_… signing secret of every
            webhook endpoint the simulator creates, so other tools can sign events too.
            The first line on standard output is the URL the simulator listens on.

            With --faults the simulator fails on purpose on /v1 routes, /oauth/token and
            /oauth/deauthorize, so the AgentRef server's retries can be tested; the
            authorize pages and /_sim never fail.

            Without --read-only-restricted a read_only grant may manage webhook endpoints on
            the account, which is what an AgentRef server in account mode needs.
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let logger = try LoggerFactory.make(component: "stripe-sim", parsed: parsed, command: "stripe-sim")
        let environment = ProcessInfo.processInfo.environment
        var configuration = SimulatorConfiguration(port: try parsed.port("port", default: 12111, command: "stripe-sim"))
        (configuration.faults, configuration.faultSeed) = try FaultOptions.simulator.parse(
            parsed, environment: environment, command: "stripe-sim"
        )
        configuration.dataDirectory = parsed.value("data-dir").map { URL(fileURLWithPath: $0) }
        configuration.restrictReadOnlyGrants = parsed.flag("read-only-restricted")
        if let secret = environment["STRIPE_SIM_WEBHOOK_SECRET"], !secret.isEmpty {
            guard secret.hasPrefix("whsec_") else {
                throw UsageError("invalid STRIPE_SIM_WEBHOOK_SECRET: it must start with whsec_", command: "stripe-sim")
            }
            configuration.webhookSecret = secret
        }

        let app = StripeSimulatorApp(configuration: configuration, logger: logger)
        let url = try app.start()

        Terminal.print("stripe simulator listening on \(url.absoluteString)")
        SignalWaiter.waitForTermination()
        app.stop()
        return ExitCode.success
    }
}
