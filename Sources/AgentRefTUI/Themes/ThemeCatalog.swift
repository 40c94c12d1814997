import Foundation

/// Finds themes by name: theme files in the search directories first, so an operator can
/// add or override themes, then the compiled-in copies of the shipped ones.
public struct ThemeCatalog: Sendable {
    /// Folders searched for `<name>.json`, in order.
    public var searchDirectories: [URL]

    public init(searchDirectories: [URL]) {
        self.searchDirectories = searchDirectories
    }

    /// The theme used when none is requested.
    public static let defaultName = "default"
    /// The attribute-only theme used for `NO_COLOR` and terminals without colour.
    public static let monochromeName = "monochrome"

    /// Searches `$AGENTREF_THEMES_DIR`, `./themes`, then `themes` next to the executable
    /// and `../share/agentref/themes` relative to it.
    public static func standard(environment: [String: String]) -> ThemeCatalog {
        var directories: [URL] = []
        if let custom = environment["AGENTREF_THEMES_DIR"], !custom.isEmpty {
            directories.append(URL(fileURLWithPath: custom, isDirectory: true))
        }
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        directories.append(workingDirectory.appendingPathComponent("themes"))

        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let executableDirectory = executable.deletingLastPathComponent()
        directories.append(executableDirectory.appendingPathComponent("themes"))
        directories.append(executableDirectory.appendingPathComponent("../share/agentref/themes").standardizedFileURL)
        return ThemeCatalog(searchDirectories: directories)
    }

    /// Loads the theme called `name`, or the file at `name` when it is a path (contains
    /// `/` or ends in `.json`).
    ///
    /// - Throws: `ThemeError` when the theme is invalid, or when no file or built-in
    ///   theme has that name, listing where it looked and which names exist.
    public func theme(named name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".json") {
            return try ThemeLoader.load(contentsOf: URL(fileURLWithPath: name))
        }
        for directory in searchDirectories {
            let file = directory.appendingPathComponent("\(name).json")
            if FileManager.default.fileExists(atPath: file.path) {
                return try ThemeLoader.load(contentsOf: file)
            }
        }
        if let text = BuiltInThemes.files[name] {
            return try ThemeLoader.load(data: Data(text.utf8), source: "built-in \(name)")
        }
        throw notFound(name)
    }

    /// Names of every theme available: built-in ones and files in the search directories.
    public func availableNames() -> [String] {
        var names = BuiltInThemes.names
        for directory in searchDirectories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let name = String(file.dropLast(".json".count))
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Picks the theme to use.
    ///
    /// An explicitly requested theme wins, as the NO_COLOR convention lets command-line
    /// options override it. Otherwise a non-empty `NO_COLOR` selects the monochrome theme.
    /// A terminal without colours always gets the monochrome theme, because colour-only
    /// distinctions would vanish there.
    ///
    /// - Throws: `ThemeError` from `theme(named:)`.
    public func resolve(
        requestedName: String?,
        environment: [String: String],
        capability: ColorCapability
    ) throws -> Theme {
        if let requestedName {
            let requested = try theme(named: requestedName)
            return capability == .none ? try theme(named: Self.monochromeName) : requested
        }

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let name = noColor || capability == .none ? Self.monochromeName : Self.defaultName
        return try theme(named: name)
    }

    private func notFound(_ name: String) -> ThemeError {
        let places = searchDirectories.map(\.path).joined(separator: ", ")
        let known = availableNames().joined(separator: ", ")
        return ThemeError(
            source: name,
            field: "",
            message: "not found: no \(name).json in \(places), and no built-in theme of that name; "
                + "available themes: \(known)"
        )
    }
}
