/// `agentref completion bash|zsh`: prints a shell completion script built from the same
/// command specs the parser uses, so completion never offers an option that does not exist.
struct CompletionCommand {
    static let spec = CommandSpec(
        name: "completion",
        summary: "Print a shell completion script for bash or zsh.",
        arguments: [ArgumentSpec("SHELL", help: "bash or zsh.")],
        discussion: """
            Load it in the current shell:
              source <(agentref completion bash)
              source <(agentref completion zsh)
            """
    )

    let parsed: ParsedArguments

    func run() throws -> Int32 {
        switch parsed.positionals[0] {
        case "bash": Terminal.print(bashScript())
        case "zsh": Terminal.print(zshScript())
        default:
            throw UsageError("unsupported shell \"\(parsed.positionals[0])\"; use bash or zsh", command: Self.spec.name)
        }
        return ExitCode.success
    }

    private var allSpecs: [CommandSpec] {
        [DashboardCommand.spec] + AgentRefCLI.commands.map(\.spec)
    }

    private func optionWords(_ spec: CommandSpec) -> String {
        spec.options.map { "--" + $0.name }.joined(separator: " ")
    }

    private func bashScript() -> String {
        let commandNames = AgentRefCLI.commands.map(\.spec.name).joined(separator: " ")
        let cases = AgentRefCLI.commands.map { spec, _ in
            let extra = Self.positionalWords(spec.name)
            return "        \(spec.name)) words=\"\(optionWords(spec)) \(extra)\" ;;"
        }.joined(separator: "\n")

        return """
            # bash completion for agentref
            _agentref() {
                local current=${COMP_WORDS[COMP_CWORD]}
                local command=${COMP_WORDS[1]}
                local words
                if [[ $COMP_CWORD -eq 1 ]]; then
                    words="\(commandNames) \(optionWords(DashboardCommand.spec))"
                else
                    case $command in
            \(cases)
                    *) words="\(optionWords(DashboardCommand.spec))" ;;
                    esac
                fi
                COMPREPLY=($(compgen -W "$words" -- "$current"))
            }
            complete -F _agentref agentref
            """
    }

    private func zshScript() -> String {
        let commandNames = AgentRefCLI.commands.map(\.spec.name).joined(separator: " ")
        let cases = AgentRefCLI.commands.map { spec, _ in
            "    \(spec.name)) compadd -- \(optionWords(spec)) \(Self.positionalWords(spec.name)) ;;"
        }.joined(separator: "\n")

        return """
            #compdef agentref
            (( $+functions[compdef] )) || { autoload -Uz compinit && compinit }
            _agentref() {
              if (( CURRENT == 2 )); then
                compadd -- \(commandNames) \(optionWords(DashboardCommand.spec))
                return
              fi
              case ${words[2]} in
            \(cases)
                *) compadd -- \(optionWords(DashboardCommand.spec)) ;;
              esac
            }
            compdef _agentref agentref
            """
    }

    /// Fixed words a command takes as arguments, such as the actions of `stripe`.
    private static func positionalWords(_ command: String) -> String {
        switch command {
        case "stripe": StripeCommand.Action.allCases.map(\.rawValue).joined(separator: " ")
        case "completion": "bash zsh"
        case "trigger": TriggerScenarioNames.all
        default: ""
        }
    }
}
