import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation

/// Options every client-side command shares, and the client they configure.
enum DashboardEnvironment {
    static let connectionOptions: [OptionSpec] = [
        OptionSpec("api-url", value: "URL", help: "AgentRef API base URL (default $AGENTREF_API_URL, then the config file, then https://www.agentref.co/api/v1)."),
        OptionSpec("key-file", value: "PATH", help: "File containing only the API key, mode 600 (default $AGENTREF_API_KEY)."),
        OptionSpec("config", value: "PATH", help: "Configuration file (default $XDG_CONFIG_HOME/agentref/config.json)."),
    ]

    /// Logging options of the scriptable commands, which log nothing unless asked.
    static let logOptions: [OptionSpec] = [
        OptionSpec("log-file", value: "PATH", help: "Append the client's logs (requests, retries, errors) to PATH."),
        OptionSpec("log-level", value: "LEVEL", help: "debug, info, warning or error (default info)."),
    ]

    /// Builds the logger of a scriptable command. It writes to the file of `--log-file` and
    /// otherwise nowhere, so standard error keeps only the command's own messages.
    static func commandLogger(_ parsed: ParsedArguments, command: String) throws -> Logger {
        guard parsed.value("log-file") != nil else { return .silent }
        return try LoggerFactory.make(component: command, parsed: parsed, command: command)
    }

    /// Resolves flags, environment and configuration file.
    ///
    /// - Throws: `UsageError` for an invalid URL or key file, with the client's explanation.
    static func configuration(_ parsed: ParsedArguments, command: String) throws -> ClientConfiguration {
        let overrides = ConfigurationOverrides(
            apiURL: parsed.value("api-url"),
            keyFile: parsed.value("key-file"),
            theme: parsed.value("theme"),
            configFile: parsed.value("config")
        )
        do {
            return try ClientConfiguration.resolve(overrides: overrides)
        } catch let error as AgentRefClientError {
            throw UsageError(error.message, command: command)
        }
    }

    /// Builds the HTTP client for a resolved configuration.
    ///
    /// Requests to a loopback server are not paced to the hosted service's 60 a minute,
    /// because the local server has no such limit and the dashboard refreshes faster.
    static func client(_ configuration: ClientConfiguration, logger: Logger, command: String) throws -> AgentRefHTTPClient {
        guard let key = configuration.apiKey else {
            throw UsageError(
                "missing API key: set AGENTREF_API_KEY or pass --key-file PATH (a file with mode 600)",
                command: command
            )
        }
        var options = ClientOptions()
        if isLoopback(configuration.baseURL) {
            options.rateLimit = nil
        }
        return AgentRefHTTPClient(baseURL: configuration.baseURL, apiKey: key, options: options, logger: logger)
    }

    /// Returns the blocking API calls that the demo traffic and `trigger --program` make.
    static func apiCalls(command: String) throws -> AgentRefAPICalls {
        let configuration = try ClientConfiguration.resolve()
        guard configuration.apiKey != nil else {
            throw UsageError("missing API key: set AGENTREF_API_KEY to record a click", command: command)
        }
        return AgentRefAPICalls(client: try client(configuration, logger: .silent, command: command))
    }

    static func isLoopback(_ url: URL) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host?.lowercased() ?? "")
    }
}
