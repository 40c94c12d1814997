import AgentRefClient
import AgentRefLog
import AgentRefTUI
import Foundation

/// `agentref` with no command: the terminal dashboard.
struct DashboardCommand {
    static let spec = CommandSpec(
        name: "",
        summary: "Terminal dashboard for AgentRef affiliate programs and their Stripe connection.",
        options: DashboardEnvironment.connectionOptions + [
            OptionSpec("theme", value: "NAME", help: "default, light, high-contrast or monochrome, or a theme file (default $AGENTREF_THEME)."),
            OptionSpec("program", value: "ID", help: "Open this program's Program Settings > Stripe at start."),
            OptionSpec("feed", help: "Open the live conversion feed at start."),
            OptionSpec("mouse", help: "Click rows and key hints, scroll with the wheel; hold Shift to select text."),
            OptionSpec("log-file", value: "PATH", help: "Write logs to PATH (default $XDG_STATE_HOME/agentref/dashboard.log)."),
            OptionSpec("log-level", value: "LEVEL", help: "debug, info, warning or error (default info)."),
            OptionSpec("version", help: "Print the version and exit."),
        ],
        discussion: """
            Commands:
              serve         run the AgentRef-compatible server
              stripe-sim    run the Stripe simulator
              demo          server, simulator, simulated payments and the dashboard in one
              trigger       send a payment scenario's Stripe events from the simulator
              programs      list programs
              stripe        status, connect or disconnect a program's Stripe connection
              conversions   list or follow conversions
              config        show the API URL, key and theme in use and their sources
              completion    print a bash or zsh completion script
            Run 'agentref COMMAND --help' for a command's options.

            Environment: AGENTREF_API_URL (with /api/v1; a bare origin works too),
            AGENTREF_API_KEY, AGENTREF_THEME, NO_COLOR, BROWSER.
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        if parsed.flag("version") {
            Terminal.print("agentref \(AgentRefCLI.version)")
            return ExitCode.success
        }

        let configuration = try DashboardEnvironment.configuration(parsed, command: Self.spec.name)
        let logger = try dashboardLogger()
        let client = try DashboardEnvironment.client(configuration, logger: logger.scoped("client"), command: Self.spec.name)

        var options = DashboardOptions(log: logger)
        options.themeName = configuration.themeName
        options.programID = parsed.value("program")
        options.opensFeedAtStart = parsed.flag("feed")
        options.enablesMouse = parsed.flag("mouse")
        return try runDashboard(service: client, options: options)
    }

    /// Logs go to a file, never to the screen the dashboard draws on.
    private func dashboardLogger() throws -> Logger {
        var arguments = parsed
        if arguments.value("log-file") == nil {
            arguments.values["log-file"] = Self.defaultLogPath()
        }
        return try LoggerFactory.make(component: "dashboard", parsed: arguments, command: Self.spec.name)
    }

    static func defaultLogPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/state"
        return stateHome + "/agentref/dashboard.log"
    }
}
