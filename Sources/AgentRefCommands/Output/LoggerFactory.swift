import AgentRefLog
import Foundation

/// Builds the logger of a command from `--log-file` and `--log-level`.
enum LoggerFactory {
    static func make(component: String, parsed: ParsedArguments, command: String) throws -> Logger {
        let level = try logLevel(parsed.value("log-level"), command: command)
        guard let path = parsed.value("log-file") else {
            return Logger(component: component, sink: .standardError(), minimumLevel: level)
        }
        do {
            return Logger(component: component, sink: try LogSink.file(atPath: path), minimumLevel: level)
        } catch {
            throw UsageError("cannot open log file \(path): \(error.localizedDescription)", command: command)
        }
    }

    static func logLevel(_ text: String?, command: String) throws -> LogLevel {
        guard let text else { return .info }
        guard let level = LogLevel(name: text) else {
            throw UsageError("invalid --log-level \"\(text)\": expected debug, info, warning or error", command: command)
        }
        return level
    }
}
