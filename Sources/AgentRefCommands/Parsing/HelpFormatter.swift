/// Renders `--help` text from a `CommandSpec`.
public enum HelpFormatter {
    public static func help(for spec: CommandSpec) -> String {
        let command = spec.name.isEmpty ? "agentref" : "agentref \(spec.name)"
        var lines = ["\(command) — \(spec.summary)", "", "Usage: \(usage(for: spec))"]

        if !spec.arguments.isEmpty {
            lines += ["", "Arguments:"]
            lines += spec.arguments.map { row($0.name, $0.help) }
        }

        lines += ["", "Options:"]
        lines += spec.options.map { option in
            let label = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            return row(label, option.help)
        }

        if !spec.discussion.isEmpty {
            lines += ["", spec.discussion]
        }
        if let dynamicHelp = spec.dynamicHelp?(), !dynamicHelp.isEmpty {
            lines += ["", dynamicHelp]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func usage(for spec: CommandSpec) -> String {
        let arguments = spec.arguments.map { $0.isRequired ? $0.name : "[\($0.name)]" }
        let command = spec.name.isEmpty ? "agentref" : "agentref \(spec.name)"
        return ([command, "[options]"] + arguments).joined(separator: " ")
    }

    private static func row(_ label: String, _ help: String) -> String {
        let padded = label.count < 24 ? label + String(repeating: " ", count: 24 - label.count) : label + "  "
        return "  " + padded + help
    }
}
