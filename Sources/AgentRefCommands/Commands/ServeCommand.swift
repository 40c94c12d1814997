import AgentRefDomain
import AgentRefLog
import AgentRefServer
import Foundation

/// `agentref serve`: runs the AgentRef-compatible server until SIGINT or SIGTERM.
struct ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "Run the AgentRef-compatible API server on 127.0.0.1.",
        options: [
            OptionSpec("port", value: "PORT", help: "TCP port to listen on; 0 picks a free one (default 8420)."),
            OptionSpec("data-dir", value: "DIR", help: "Folder for agentref.sqlite (default ./agentref-data)."),
            OptionSpec("demo-data", help: "Add sample programs and affiliates, all disconnected from Stripe."),
            OptionSpec("demo-programs", value: "N",
                       help: "Also add N generated programs (0 to 10000), for trying paging."),
            OptionSpec("stripe-url", value: "URL", help: "Base URL of the Stripe simulator, used for both Stripe hosts."),
            OptionSpec("public-url", value: "URL", help: "URL Stripe uses to reach this server (default http://127.0.0.1:PORT)."),
            OptionSpec("stripe-check-interval", value: "SECONDS", help: """
                Seconds between checks of each connected program's access to its Stripe account \
                (default 300; 0 turns them off).
                """),
            WebhookModeOption.spec(defaultMode: .auto),
            OptionSpec("log-file", value: "PATH", help: "Append logs to PATH instead of standard error."),
            OptionSpec("log-level", value: "LEVEL", help: "debug, info, warning or error (default info)."),
        ] + FaultOptions.server.specs,
        discussion: """
            The API key comes from AGENTREF_API_KEY (ak_test_… or ak_live_…). Without
            --stripe-url the server talks to the real Stripe hosts (connect.stripe.com and
            api.stripe.com) with STRIPE_SECRET_KEY and STRIPE_CLIENT_ID.
            The first line on standard output is the URL the server listens on.

            In connect webhook mode (or auto, once Stripe refuses an account endpoint) the
            server registers one platform Connect endpoint with the platform key, delivering
            to PUBLIC-URL/webhooks/stripe/connect; GET /api/v1/stripe/platform-endpoint
            describes it. A connection keeps its mode until it reconnects.

            With --faults the server fails on purpose on /api/v1 routes (the conversion
            stream included): delays and error statuses before handling, dropped
            connections after it, so a request's effect may happen although its response
            is lost. Use it to test clients, never in production.

            Example:
              AGENTREF_API_KEY=ak_test_123 agentref serve --demo-data --stripe-url http://127.0.0.1:12111
              agentref serve --faults delay=200ms:0.2,status500:0.1,status429:0.1,drop:0.05 --fault-seed 7
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard let keyText = environment["AGENTREF_API_KEY"], !keyText.isEmpty else {
            throw UsageError("missing API key: set AGENTREF_API_KEY to an ak_test_… or ak_live_… key", command: "serve")
        }
        let key = APIKey(keyText)
        guard key.isTest || key.isLive else {
            throw UsageError("invalid AGENTREF_API_KEY \(key.redacted): keys start with ak_test_ or ak_live_", command: "serve")
        }

        let logger = try LoggerFactory.make(component: "server", parsed: parsed, command: "serve")
        let configuration = try makeConfiguration(key: key, environment: environment)
        let app = AgentRefServerApp(configuration: configuration, logger: logger)
        let url = try app.start()

        Terminal.print("agentref server listening on \(url.absoluteString)")
        SignalWaiter.waitForTermination()
        app.stop()
        return ExitCode.success
    }

    private func makeConfiguration(key: APIKey, environment: [String: String]) throws -> ServerConfiguration {
        let port = try parsed.port("port", default: 8420, command: "serve")
        let dataDirectory = URL(fileURLWithPath: parsed.value("data-dir") ?? "agentref-data")
        var configuration = ServerConfiguration(port: port, dataDirectory: dataDirectory, apiKeys: [key])

        if let stripeURL = parsed.value("stripe-url") {
            let url = try URLOption.parse(stripeURL, option: "stripe-url", command: "serve")
            configuration.stripeAPIBase = url
            configuration.stripeConnectBase = url
        } else {
            configuration.stripeAPIBase = URL(string: "https://api.stripe.com")!
            configuration.stripeConnectBase = URL(string: "https://connect.stripe.com")!
            if let secret = environment["STRIPE_SECRET_KEY"] { configuration.stripeSecretKey = secret }
            if let clientID = environment["STRIPE_CLIENT_ID"] { configuration.stripeClientID = clientID }
        }
        if let publicURL = parsed.value("public-url") {
            configuration.publicBaseURL = try URLOption.parse(publicURL, option: "public-url", command: "serve")
        }
        configuration.seedDemoData = parsed.flag("demo-data")
        configuration.generatedProgramCount = try parsed.integer(
            "demo-programs", default: 0, in: 0...10_000, command: "serve"
        )
        configuration.stripeAccessCheckInterval = TimeInterval(
            try parsed.integer("stripe-check-interval", default: 300, in: 0...86_400, command: "serve")
        )
        configuration.stripeWebhookMode = try WebhookModeOption.parse(parsed, default: .auto, command: "serve")
        (configuration.faults, configuration.faultSeed) = try FaultOptions.server.parse(
            parsed, environment: environment, command: "serve"
        )
        return configuration
    }
}
