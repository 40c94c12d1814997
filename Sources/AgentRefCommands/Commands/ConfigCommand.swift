import AgentRefClient
import Foundation

/// `agentref config`: shows the settings the client commands and the dashboard would use,
/// and where each came from, so an operator can check flags, environment and config file.
struct ConfigCommand {
    static let spec = CommandSpec(
        name: "config",
        summary: "Show the API URL, key and theme in use, and where each comes from.",
        options: DashboardEnvironment.connectionOptions + [
            OptionSpec("theme", value: "NAME", help: "Theme to resolve, as the dashboard's --theme."),
            OptionSpec("json", help: "Print the settings as a JSON object keyed by setting."),
        ],
        discussion: """
            Each setting comes from, in order: the flag, the environment (AGENTREF_API_URL,
            AGENTREF_API_KEY, AGENTREF_THEME), the config file, then the default. The key is
            shown only as its prefix and last four characters.
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        let configuration = try DashboardEnvironment.configuration(parsed, command: Self.spec.name)
        let rows = configuration.settingRows

        if parsed.flag("json") {
            let object = Dictionary(uniqueKeysWithValues: rows.map { row in
                (Self.jsonKey(row.name), ["value": row.value, "source": row.source])
            })
            try JSONOutput.print(object)
            return ExitCode.success
        }

        var table = TextTable(headers: ["SETTING", "VALUE", "SOURCE"])
        for row in rows {
            table.append([row.name, row.value, row.source])
        }
        Terminal.print(table.render())
        return ExitCode.success
    }

    /// `API URL` becomes `apiUrl`, `Config file` becomes `configFile`.
    private static func jsonKey(_ name: String) -> String {
        let words = name.split(separator: " ").map { String($0) }
        let first = words.first?.lowercased() ?? ""
        return first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }
}
