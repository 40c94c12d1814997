/// The declared shape of one command: its name, what it does, and the options and
/// arguments it accepts. The parser, `--help` and shell completion all read this.
public struct CommandSpec: Sendable {
    public var name: String
    public var summary: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    /// Extra paragraphs for `--help`, such as examples.
    public var discussion: String
    /// Help computed only when `--help` is shown, for lists that need a file read, such as
    /// the fixtures `trigger` can replay.
    public var dynamicHelp: (@Sendable () -> String)?

    public init(
        name: String,
        summary: String,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        discussion: String = "",
        dynamicHelp: (@Sendable () -> String)? = nil
    ) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.options = options + [.help]
        self.discussion = discussion
        self.dynamicHelp = dynamicHelp
    }

    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// A positional argument such as `PROGRAM`.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var isRequired: Bool

    public init(_ name: String, help: String, isRequired: Bool = true) {
        self.name = name
        self.help = help
        self.isRequired = isRequired
    }
}

/// A `--name` option, either a flag or one that takes a value (`--port 8420` or `--port=8420`).
public struct OptionSpec: Sendable {
    public var name: String
    /// Placeholder for the value in help, such as `PORT`; nil for a flag.
    public var valueName: String?
    public var help: String

    public init(_ name: String, value valueName: String? = nil, help: String) {
        self.name = name
        self.valueName = valueName
        self.help = help
    }

    public var takesValue: Bool { valueName != nil }

    public static let help = OptionSpec("help", help: "Show this help and exit.")
}
