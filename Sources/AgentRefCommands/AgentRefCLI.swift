import Foundation

/// The `agentref` command line: picks the command from the first word and runs it.
public enum AgentRefCLI {
    public static let version = "0.1.0"

    /// Every command with its spec and how to run it, in the order `--help` lists them.
    static let commands: [(spec: CommandSpec, run: @Sendable (ParsedArguments) throws -> Int32)] = [
        (ServeCommand.spec, { try ServeCommand(parsed: $0).run() }),
        (StripeSimCommand.spec, { try StripeSimCommand(parsed: $0).run() }),
        (DemoCommand.spec, { try DemoCommand(parsed: $0).run() }),
        (TriggerCommand.spec, { try TriggerCommand(parsed: $0).run() }),
        (ProgramsCommand.spec, { try ProgramsCommand(parsed: $0).run() }),
        (StripeCommand.spec, { try StripeCommand(parsed: $0).run() }),
        (ConversionsCommand.spec, { try ConversionsCommand(parsed: $0).run() }),
        (ConfigCommand.spec, { try ConfigCommand(parsed: $0).run() }),
        (CompletionCommand.spec, { try CompletionCommand(parsed: $0).run() }),
    ]

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        do {
            let (spec, run, rest) = try select(arguments)
            let parsed = try ParsedArguments.parse(rest, spec: spec)
            if parsed.flag("help") {
                Terminal.print(HelpFormatter.help(for: spec))
                return ExitCode.success
            }
            return try run(parsed)
        } catch {
            return ErrorReporter.report(error)
        }
    }

    private static func select(_ arguments: [String]) throws
        -> (CommandSpec, @Sendable (ParsedArguments) throws -> Int32, [String])
    {
        guard let first = arguments.first, !first.hasPrefix("-") || first == "--version" else {
            // Options such as --help or -h before any command belong to the dashboard.
            return (DashboardCommand.spec, { try DashboardCommand(parsed: $0).run() }, arguments)
        }
        if first == "--version" {
            return (DashboardCommand.spec, { _ in
                Terminal.print("agentref \(version)")
                return ExitCode.success
            }, [])
        }
        if first == "help" {
            return (DashboardCommand.spec, { _ in
                Terminal.print(HelpFormatter.help(for: DashboardCommand.spec))
                return ExitCode.success
            }, [])
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let names = commands.map(\.spec.name).joined(separator: ", ")
            throw UsageError("unknown command \"\(first)\"; commands are \(names)", command: "")
        }
        return (command.spec, command.run, Array(arguments.dropFirst()))
    }
}
