import Foundation

/// A small structured logger: one line per message with a timestamp, level, component,
/// message and `key=value` metadata.
///
/// A logger is passed to the code that logs and is silent unless given a sink. Messages
/// are short lowercase phrases; metadata keys come from `LogKey` so that the same fact is
/// always logged under the same name. Never pass a secret as a value: log `APIKey.redacted`
/// and the last four characters of tokens instead.
public struct Logger: Sendable {
    public let component: String
    private let sink: LogSink?
    private let minimumLevel: LogLevel

    /// A logger that writes nothing.
    public static let silent = Logger(component: "silent", sink: nil)

    public init(component: String, sink: LogSink?, minimumLevel: LogLevel = .info) {
        self.component = component
        self.sink = sink
        self.minimumLevel = minimumLevel
    }

    /// Returns a logger for a sub-component that writes to the same sink.
    public func scoped(_ component: String) -> Logger {
        Logger(component: component, sink: sink, minimumLevel: minimumLevel)
    }

    public func debug(_ message: String, _ metadata: [LogKey: String] = [:]) {
        log(.debug, message, metadata)
    }

    public func info(_ message: String, _ metadata: [LogKey: String] = [:]) {
        log(.info, message, metadata)
    }

    public func warning(_ message: String, _ metadata: [LogKey: String] = [:]) {
        log(.warning, message, metadata)
    }

    public func error(_ message: String, _ metadata: [LogKey: String] = [:]) {
        log(.error, message, metadata)
    }

    public func log(_ level: LogLevel, _ message: String, _ metadata: [LogKey: String]) {
        guard let sink, level >= minimumLevel else { return }
        sink.write(LogRecord(date: Date(), level: level, component: component, message: message, metadata: metadata))
    }
}

/// Severity of a log record, lowest first.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case debug, info, warning, error

    public var name: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = level
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One message with its context.
public struct LogRecord: Sendable {
    public var date: Date
    public var level: LogLevel
    public var component: String
    public var message: String
    public var metadata: [LogKey: String]

    /// The record as one line, for example
    /// `2026-12-04T16:13:00.120Z info server: webhook stored event_id=evt_1 program_id=prg_2`.
    /// Values with spaces or quotes are quoted, and control characters are escaped so one
    /// record is always one line.
    public var formatted: String {
        let time = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let pairs = metadata.keys.sorted { $0.rawValue < $1.rawValue }.map { key in
            "\(key.rawValue)=\(Self.quoteIfNeeded(metadata[key] ?? ""))"
        }
        let head = "\(time) \(level.name) \(component): \(Self.escapeControls(message))"
        return ([head] + pairs).joined(separator: " ")
    }

    static func quoteIfNeeded(_ value: String) -> String {
        let escaped = escapeControls(value)
        let needsQuotes = escaped.isEmpty || escaped.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
        guard needsQuotes else { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func escapeControls(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                result += String(format: "\\x%02x", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
