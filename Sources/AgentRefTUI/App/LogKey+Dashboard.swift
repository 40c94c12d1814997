import AgentRefLog

extension LogKey {
    public static let theme: LogKey = "theme"
    public static let command: LogKey = "command"
    public static let feedGeneration: LogKey = "feed_generation"
    public static let request: LogKey = "request"
    public static let exitCode: LogKey = "exit_code"
    public static let signal: LogKey = "signal"
}
