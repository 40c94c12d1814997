import AgentRefClient
import AgentRefDomain
import AgentRefLog
import AgentRefServer
import AgentRefTUI
import Foundation
import StripeSimulator

/// `agentref demo`: the whole product on one machine. Starts the Stripe simulator and the
/// AgentRef server with demo data in this process, simulates customers paying once a
/// program is connected, and opens the dashboard.
struct DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "Run server, Stripe simulator, simulated payments and the dashboard together.",
        options: [
            OptionSpec("data-dir", value: "DIR", help: "Keep the demo's data and logs in DIR (default: a new folder under /tmp)."),
            OptionSpec("port", value: "PORT", help: "Server port; 0 picks a free one (default 0)."),
            OptionSpec("sim-port", value: "PORT", help: "Stripe simulator port; 0 picks a free one (default 0)."),
            OptionSpec("theme", value: "NAME", help: "Dashboard theme: default, light, high-contrast or monochrome."),
            OptionSpec("mouse", help: "Click rows and key hints, scroll with the wheel; hold Shift to select text."),
            OptionSpec("no-traffic", help: "Do not simulate payments; send them with 'agentref trigger'."),
            OptionSpec("no-dashboard", help: "Start everything and print the URLs, without the dashboard (stop with Ctrl-C)."),
            WebhookModeOption.spec(defaultMode: .account),
        ],
        discussion: """
            In the dashboard: select a program, press s for Program Settings > Stripe, c to
            connect, open the authorization URL (o opens a browser, y copies it) and approve
            the form; once connected, press f and watch conversions arrive.
            Logs are written to DIR/logs, never to the screen. While the demo runs, DIR/demo.env
            holds AGENTREF_API_URL, AGENTREF_API_KEY and STRIPE_SIM_URL: source it in another
            terminal to use 'agentref programs', 'agentref stripe' or 'agentref trigger'.
            The demo's simulator lets read_only grants create endpoints, so auto behaves like
            account; --stripe-webhook-mode connect shows the platform Connect endpoint.
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let dataDirectory = try makeDataDirectory()
        let logs = dataDirectory.appendingPathComponent("logs")
        let key = APIKey.makeTestKey()
        let sink = try LogSink.file(atPath: logs.appendingPathComponent("demo.log").path)
        let logger = Logger(component: "demo", sink: sink)

        let simulator = try startSimulator(dataDirectory: dataDirectory, logger: logger.scoped("stripe-sim"))
        defer { simulator.app.stop() }
        let server = try startServer(dataDirectory: dataDirectory, key: key, stripeURL: simulator.url, logger: logger.scoped("server"))
        defer { server.app.stop() }

        var options = ClientOptions()
        options.rateLimit = nil
        let client = AgentRefHTTPClient(
            baseURL: server.url.appendingPathComponent("api/v1"), apiKey: key, options: options,
            logger: logger.scoped("client")
        )
        let traffic = DemoTraffic(
            server: AgentRefAPICalls(client: client),
            simulator: SimulatorControlClient(baseURL: simulator.url),
            logger: logger.scoped("traffic")
        )
        if !parsed.flag("no-traffic") { traffic.start() }
        defer { traffic.stop() }

        let environmentFile = try writeEnvironmentFile(
            in: dataDirectory, serverURL: server.url, key: key, simulatorURL: simulator.url
        )
        logger.info("demo started", [.url: server.url.absoluteString, .dataDirectory: dataDirectory.path])
        Terminal.printError("demo data and logs: \(dataDirectory.path); in another terminal, "
            + "'source \(environmentFile)' lets agentref programs, stripe and trigger reach this demo")
        let status = try runFrontEnd(
            client: client, serverURL: server.url, key: key, simulatorURL: simulator.url, logger: logger,
            logDirectory: logs
        )
        Terminal.print("demo stopped; data and logs are in \(dataDirectory.path)")
        try? FileManager.default.removeItem(atPath: environmentFile)
        return status
    }

    private func runFrontEnd(
        client: AgentRefHTTPClient, serverURL: URL, key: APIKey, simulatorURL: URL, logger: Logger, logDirectory: URL
    ) throws -> Int32 {
        let apiURL = client.baseURL
        if parsed.flag("no-dashboard") {
            Terminal.print("agentref server listening on \(serverURL.absoluteString)")
            Terminal.print("stripe simulator listening on \(simulatorURL.absoluteString)")
            Terminal.print("AGENTREF_API_URL=\(apiURL.absoluteString)")
            Terminal.print("AGENTREF_API_KEY=\(key.secret)")
            SignalWaiter.waitForTermination()
            return ExitCode.success
        }

        let redirect = try StandardErrorRedirect(toFileAtPath: logDirectory.appendingPathComponent("stderr.log").path)
        defer { redirect.restore() }
        var dashboard = DashboardOptions(log: logger.scoped("dashboard"))
        dashboard.themeName = parsed.value("theme") ?? ProcessInfo.processInfo.environment["AGENTREF_THEME"]
        dashboard.enablesMouse = parsed.flag("mouse")
        return try runDashboard(service: client, options: dashboard)
    }

    /// Writes `demo.env` (mode 600, because it contains the demo's API key) with the variables
    /// the other commands read; removed when the demo stops.
    private func writeEnvironmentFile(in directory: URL, serverURL: URL, key: APIKey, simulatorURL: URL) throws -> String {
        let path = directory.appendingPathComponent("demo.env").path
        let text = """
            export AGENTREF_API_URL=\(serverURL.absoluteString)/api/v1
            export AGENTREF_API_KEY=\(key.secret)
            export STRIPE_SIM_URL=\(simulatorURL.absoluteString)

            """
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UsageError("cannot write \(path); choose a writable folder with --data-dir", command: Self.spec.name)
        }
        return path
    }

    private func makeDataDirectory() throws -> URL {
        let path = parsed.value("data-dir")
            ?? NSTemporaryDirectory() + "agentref-demo-" + IdentifierGenerator.make(prefix: "run", length: 8)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func startSimulator(dataDirectory: URL, logger: Logger) throws -> (app: StripeSimulatorApp, url: URL) {
        var configuration = SimulatorConfiguration(port: try parsed.port("sim-port", default: 0, command: Self.spec.name))
        configuration.dataDirectory = dataDirectory.appendingPathComponent("stripe-sim")
        configuration.webhookSecret = SimulatorConfiguration.webhookSecret(fromEnvironment: ProcessInfo.processInfo.environment)
        let app = StripeSimulatorApp(configuration: configuration, logger: logger)
        return (app, try app.start())
    }

    private func startServer(dataDirectory: URL, key: APIKey, stripeURL: URL, logger: Logger) throws -> (app: AgentRefServerApp, url: URL) {
        var configuration = ServerConfiguration(
            port: try parsed.port("port", default: 0, command: Self.spec.name),
            dataDirectory: dataDirectory.appendingPathComponent("server"),
            apiKeys: [key]
        )
        configuration.stripeAPIBase = stripeURL
        configuration.stripeConnectBase = stripeURL
        configuration.seedDemoData = true
        configuration.stripeWebhookMode = try WebhookModeOption.parse(
            parsed, default: .account, command: Self.spec.name
        )
        let app = AgentRefServerApp(configuration: configuration, logger: logger)
        return (app, try app.start())
    }
}
