/// A failure to start the dashboard.
public enum DashboardError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal
    /// ncurses could not set up the terminal named by `TERM`.
    case terminalSetupFailed(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs an interactive terminal, but standard input or output is not one; "
                + "use the scriptable commands (such as `agentref programs`) in pipes and scripts"
        case .terminalSetupFailed(let term):
            return "cannot set up the terminal of type \"\(term)\"; set TERM to a known type such as xterm-256color"
        }
    }
}
