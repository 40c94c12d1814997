/// Command-line arguments checked against a `CommandSpec`.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String] = []
    public var values: [String: String] = [:]
    public var flags: Set<String> = []

    public init() {}

    /// Parses `arguments` (without the command's own name) against `spec`.
    ///
    /// `--` ends option parsing, so later words are positional even if they start with `-`.
    ///
    /// - Throws: `UsageError` for an unknown option, a missing value, a value given to a
    ///   flag, or a missing or extra positional argument. `--help` skips the argument checks.
    public static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var remaining = arguments[...]
        var optionsEnded = false

        while let word = remaining.popFirst() {
            if !optionsEnded && word == "--" {
                optionsEnded = true
            } else if !optionsEnded && word == "-h" {
                parsed.flags.insert("help")
            } else if optionsEnded || !word.hasPrefix("--") {
                parsed.positionals.append(word)
            } else {
                try parsed.readOption(word, remaining: &remaining, spec: spec)
            }
        }

        if parsed.flags.contains("help") { return parsed }
        try parsed.checkPositionals(spec: spec)
        return parsed
    }

    private mutating func readOption(_ word: String, remaining: inout ArraySlice<String>, spec: CommandSpec) throws {
        let body = word.dropFirst(2)
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let inlineValue = parts.count > 1 ? String(parts[1]) : nil

        guard let option = spec.option(named: name) else {
            let command = spec.name.isEmpty ? "agentref" : "agentref \(spec.name)"
            throw UsageError("unknown option --\(name) for '\(command)'", command: spec.name)
        }

        guard option.takesValue else {
            if inlineValue != nil {
                throw UsageError("option --\(name) takes no value", command: spec.name)
            }
            flags.insert(name)
            return
        }

        guard let value = inlineValue ?? remaining.popFirst() else {
            throw UsageError("option --\(name) needs a value: --\(name) \(option.valueName ?? "VALUE")", command: spec.name)
        }
        values[name] = value
    }

    private func checkPositionals(spec: CommandSpec) throws {
        let required = spec.arguments.filter(\.isRequired)
        if positionals.count < required.count {
            let missing = required[positionals.count].name
            throw UsageError("missing argument \(missing)", command: spec.name)
        }
        if positionals.count > spec.arguments.count {
            let extra = positionals[spec.arguments.count]
            throw UsageError("unexpected argument \"\(extra)\"", command: spec.name)
        }
    }

    public func value(_ name: String) -> String? { values[name] }

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Returns the value of `--name` as a TCP port (0–65535), or `defaultValue` when absent.
    ///
    /// - Throws: `UsageError` naming the option and the bad value.
    public func port(_ name: String, default defaultValue: UInt16, command: String) throws -> UInt16 {
        guard let text = values[name] else { return defaultValue }
        guard let port = UInt16(text) else {
            throw UsageError("invalid --\(name) \"\(text)\": expected a port number from 0 to 65535", command: command)
        }
        return port
    }

    /// Returns the value of `--name` as a whole number in `range`, or `defaultValue` when absent.
    ///
    /// - Throws: `UsageError` naming the option, the bad value and the range.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>, command: String) throws -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "invalid --\(name) \"\(text)\": expected a whole number from \(range.lowerBound) to \(range.upperBound)",
                command: command
            )
        }
        return number
    }
}

/// Wrong command-line usage; the message names the bad word and `command` points to its help.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var command: String

    public init(_ message: String, command: String) {
        self.message = message
        self.command = command
    }

    public var description: String {
        let helpCommand = command.isEmpty ? "agentref --help" : "agentref \(command) --help"
        let sentence = message.hasSuffix(".") ? String(message.dropLast()) : message
        return "\(sentence); see '\(helpCommand)'"
    }
}
