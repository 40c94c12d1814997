import AgentRefClient
import AgentRefDomain
import AgentRefTUI
import Foundation

/// `agentref stripe status|connect|disconnect PROGRAM`: the Stripe connection of one
/// program, for scripts and for operators without the dashboard.
struct StripeCommand {
    static let spec = CommandSpec(
        name: "stripe",
        summary: "Show, connect or disconnect a program's Stripe connection.",
        arguments: [
            ArgumentSpec("ACTION", help: "status, connect or disconnect."),
            ArgumentSpec("PROGRAM", help: "Program id (prg_…) or exact program name."),
        ],
        options: DashboardEnvironment.connectionOptions + DashboardEnvironment.logOptions + [
            OptionSpec("json", help: "Print the result as JSON with the API's field names."),
            OptionSpec("wait", help: "connect: wait until the merchant has authorized (up to --timeout)."),
            OptionSpec("timeout", value: "SECONDS", help: "connect --wait: how long to wait (default 600)."),
            OptionSpec("yes", help: "disconnect: do not ask for confirmation."),
        ],
        discussion: """
            connect prints the Stripe authorization URL; open it in a browser and approve
            access. disconnect removes the webhook registration on Stripe and stops tracking
            new payments; existing conversions and commissions stay.
            """
    )

    enum Action: String, CaseIterable {
        case status, connect, disconnect
    }

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let action = try actionArgument()
        let configuration = try DashboardEnvironment.configuration(parsed, command: Self.spec.name)
        let logger = try DashboardEnvironment.commandLogger(parsed, command: Self.spec.name)
        let client = try DashboardEnvironment.client(configuration, logger: logger, command: Self.spec.name)
        let programID = try ProgramResolver.resolve(parsed.positionals[1], client: client)

        switch action {
        case .status: return try status(programID: programID, client: client)
        case .connect: return try connect(programID: programID, client: client)
        case .disconnect: return try disconnect(programID: programID, client: client)
        }
    }

    private func actionArgument() throws -> Action {
        let word = parsed.positionals[0]
        guard let action = Action(rawValue: word) else {
            throw UsageError("unknown action \"\(word)\"; use status, connect or disconnect", command: Self.spec.name)
        }
        return action
    }

    private func status(programID: String, client: AgentRefHTTPClient) throws -> Int32 {
        let connection = try AsyncRunner.run { try await client.stripeConnection(programID: programID) }
        if parsed.flag("json") {
            try JSONOutput.print(connection)
        } else {
            Terminal.print(StripeConnectionText.lines(for: connection).joined(separator: "\n"))
        }
        return ExitCode.success
    }

    private func connect(programID: String, client: AgentRefHTTPClient) throws -> Int32 {
        let result = try AsyncRunner.run { try await client.connectStripe(programID: programID) }
        if parsed.flag("json") {
            try JSONOutput.print(result)
        } else {
            Terminal.print(TextSanitizer.sanitize(result.message))
            if let url = result.authUrl { Terminal.print(url) }
        }
        guard parsed.flag("wait"), !result.connected else { return ExitCode.success }

        let timeout = try parsed.integer("timeout", default: 600, in: 1...86_400, command: Self.spec.name)
        return try waitForConnection(programID: programID, client: client, timeout: Double(timeout))
    }

    private func waitForConnection(programID: String, client: AgentRefHTTPClient, timeout: Double) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 2)
            let connection = try AsyncRunner.run { try await client.stripeConnection(programID: programID) }
            switch connection.status {
            case .connected:
                Terminal.print("connected to \(connection.stripeAccountId ?? "a Stripe account")")
                return ExitCode.success
            case .error, .revoked, .disconnected:
                Terminal.printError("connecting failed: status is \(connection.status.label)"
                    + (connection.errorMessage.map { ": \(TextSanitizer.sanitize($0))" } ?? ""))
                return ExitCode.failure
            case .pending:
                continue
            }
        }
        Terminal.printError("timed out after \(Int(timeout)) s waiting for authorization; the URL stays valid for 10 minutes")
        return ExitCode.failure
    }

    private func disconnect(programID: String, client: AgentRefHTTPClient) throws -> Int32 {
        if !parsed.flag("yes") {
            guard isatty(STDIN_FILENO) == 1 else {
                throw UsageError("disconnect needs --yes when standard input is not a terminal", command: Self.spec.name)
            }
            FileHandle.standardError.write(Data((
                "Disconnect Stripe from \(programID)? The webhook registration is removed and new payments are "
                    + "no longer tracked; existing conversions and commissions stay. [y/N] "
            ).utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                Terminal.printError("disconnect cancelled")
                return ExitCode.failure
            }
        }

        let result = try AsyncRunner.run { try await client.disconnectStripe(programID: programID) }
        if parsed.flag("json") {
            try JSONOutput.print(result)
        } else {
            Terminal.print("disconnected Stripe from \(result.programId); existing conversions are kept")
        }
        return ExitCode.success
    }
}
