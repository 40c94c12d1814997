import AgentRefClient
import AgentRefDomain
import AgentRefLog
import Foundation

/// `agentref programs`: lists every program with its Stripe connection.
struct ProgramsCommand {
    static let spec = CommandSpec(
        name: "programs",
        summary: "List programs with their Stripe connection and today's conversions.",
        options: DashboardEnvironment.connectionOptions + DashboardEnvironment.logOptions + [
            OptionSpec("json", help: "Print the programs as a JSON array with the API's field names."),
        ]
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let configuration = try DashboardEnvironment.configuration(parsed, command: Self.spec.name)
        let logger = try DashboardEnvironment.commandLogger(parsed, command: Self.spec.name)
        let client = try DashboardEnvironment.client(configuration, logger: logger, command: Self.spec.name)
        let programs = try AsyncRunner.run { try await client.allPrograms() }

        if parsed.flag("json") {
            try JSONOutput.print(programs)
            return ExitCode.success
        }

        var table = TextTable(columns: [
            .init("ID"), .init("NAME", maxWidth: 40), .init("STATUS"), .init("STRIPE"), .init("CURRENCY"),
            .init("TODAY", rightAligned: true), .init("REVENUE"),
        ])
        for program in programs {
            table.append([
                program.id,
                program.name,
                program.status,
                program.effectiveStripeStatus.label,
                program.currency,
                program.conversionsToday.map(String.init) ?? "—",
                program.revenue?.description ?? "—",
            ])
        }
        Terminal.print(table.render())
        return ExitCode.success
    }
}
