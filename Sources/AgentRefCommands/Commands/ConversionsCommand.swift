import AgentRefClient
import AgentRefDomain
import AgentRefTUI
import Foundation

/// `agentref conversions`: lists conversions, or follows new ones as they happen.
struct ConversionsCommand {
    static let spec = CommandSpec(
        name: "conversions",
        summary: "List recent conversions, or follow the live feed with --follow.",
        options: DashboardEnvironment.connectionOptions + DashboardEnvironment.logOptions + [
            OptionSpec("program", value: "ID", help: "Only this program's conversions."),
            OptionSpec("limit", value: "N", help: "How many recent conversions to list (default 20, at most 100)."),
            OptionSpec("follow", help: "Keep running and print each new conversion and refund as it happens."),
            OptionSpec("json", help: "Print JSON: an array, or with --follow one feed entry per line."),
        ]
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let configuration = try DashboardEnvironment.configuration(parsed, command: Self.spec.name)
        let logger = try DashboardEnvironment.commandLogger(parsed, command: Self.spec.name)
        let client = try DashboardEnvironment.client(configuration, logger: logger, command: Self.spec.name)
        let limit = try parsed.integer("limit", default: 20, in: 1...100, command: Self.spec.name)
        let programID = parsed.value("program")

        if parsed.flag("follow") {
            return follow(client: client, programID: programID, backlog: parsed.value("limit") == nil ? 0 : limit)
        }

        let page = try AsyncRunner.run { try await client.conversions(programID: programID, cursor: nil, limit: limit) }
        if parsed.flag("json") {
            try JSONOutput.print(page.items)
        } else {
            guard !page.items.isEmpty else {
                Terminal.print(programID.map { "no conversions for \($0) yet" } ?? "no conversions yet")
                return ExitCode.success
            }
            var table = TextTable(columns: [
                .init("CREATED"), .init("ID"), .init("PROGRAM", maxWidth: 30), .init("AFFILIATE", maxWidth: 24),
                .init("AMOUNT", rightAligned: true), .init("COMMISSION", rightAligned: true), .init("STATUS"),
            ])
            for conversion in page.items { table.append(ConversionText.row(conversion)) }
            Terminal.print(table.render())
        }
        return ExitCode.success
    }

    /// Prints feed entries until the process is interrupted; connection changes go to
    /// standard error so standard output stays one entry per line.
    /// An API key the server rejects ends the command with the authentication exit code,
    /// because retrying cannot help a script.
    private func follow(client: AgentRefHTTPClient, programID: String?, backlog: Int) -> Int32 {
        let asJSON = parsed.flag("json")
        let done = DispatchSemaphore(value: 0)
        let exitCode = ExitCodeBox()
        Task {
            for await update in client.conversionFeed(programID: programID, backlog: backlog) {
                if case .connection(.rejected(let message, _)) = update {
                    Terminal.printError(message)
                    exitCode.set(ExitCode.authentication)
                    break
                }
                switch update {
                case .entry(let entry):
                    if asJSON {
                        let encoder = AgentRefJSON.makeEncoder()
                        Terminal.print(String(decoding: (try? encoder.encode(entry)) ?? Data(), as: UTF8.self))
                    } else {
                        Terminal.print(ConversionText.feedLine(entry))
                    }
                case .connection(let state):
                    Terminal.printError("feed: \(ConversionText.describe(state))")
                }
            }
            done.signal()
        }
        done.wait()
        return exitCode.value
    }
}

/// The exit code a feed task decides, read by the waiting thread.
private final class ExitCodeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var code = ExitCode.success

    func set(_ newCode: Int32) { lock.withLock { code = newCode } }
    var value: Int32 { lock.withLock { code } }
}
