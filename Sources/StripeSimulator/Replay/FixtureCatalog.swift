import Foundation

/// The attribution fixtures of one folder: every `*.json` file in it, by name.
public struct FixtureCatalog: Sendable {
    /// The environment variable naming the fixture folder for `agentref trigger`.
    public static let directoryVariable = "AGENTREF_FIXTURES"
    /// The fixture folder's path in this repository, relative to its root.
    public static let repositoryPath = "Tests/AgentRefServerTests/Fixtures/Attribution"

    public let directory: URL
    /// The fixtures sorted by name.
    public let fixtures: [AttributionFixture]

    /// Loads every `*.json` file of `directory`.
    ///
    /// - Throws: `FixtureError` naming the file that is unreadable, is not a fixture, or
    ///   whose `name` differs from its file name.
    public init(directory: URL) throws {
        self.directory = directory
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw FixtureError(message: "cannot list fixture folder \(directory.path): \(error.localizedDescription)")
        }
        fixtures = try files.map(Self.load)
    }

    /// The fixture called `name`, or nil.
    public func fixture(named name: String) -> AttributionFixture? {
        fixtures.first { $0.name == name }
    }

    /// The file of the fixture called `name`.
    public func fileURL(of name: String) -> URL {
        directory.appendingPathComponent(name + ".json")
    }

    /// Finds the fixture folder: `AGENTREF_FIXTURES` when set, else the repository's folder
    /// under the current directory or above the running executable, as in a `swift build`
    /// checkout. Returns nil when none exists.
    public static func locateDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
    ) -> URL? {
        if let configured = environment[directoryVariable], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        let starts = [currentDirectory, executable.deletingLastPathComponent()]
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent(repositoryPath)
                if isDirectory(candidate) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    private static func load(_ file: URL) throws -> AttributionFixture {
        let fixture: AttributionFixture
        do {
            fixture = try JSONDecoder().decode(AttributionFixture.self, from: Data(contentsOf: file))
        } catch let error as DecodingError {
            throw FixtureError(message: "fixture \(file.path) is invalid: \(describe(error))")
        } catch {
            throw FixtureError(message: "cannot read fixture \(file.path): \(error.localizedDescription)")
        }
        let expectedName = file.deletingPathExtension().lastPathComponent
        guard fixture.name == expectedName else {
            throw FixtureError(
                message: "fixture \(file.path) is named \"\(fixture.name)\"; "
                    + "rename it to \"\(expectedName)\" to match the file"
            )
        }
        return fixture
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Describes a decoding error with the path of the value at fault, such as `steps[3].outcome`.
    static func describe(_ error: DecodingError) -> String {
        let (context, problem): (DecodingError.Context, String) = switch error {
        case .typeMismatch(_, let context): (context, "has the wrong type")
        case .valueNotFound(_, let context): (context, "is null")
        case .keyNotFound(let key, let context): (context, "has no \"\(key.stringValue)\"")
        case .dataCorrupted(let context): (context, "is invalid")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: "\(error)"), "is invalid")
        }
        let path = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
            .joined().drop { $0 == "." }
        return "\(path.isEmpty ? "the file" : String(path)) \(problem): \(context.debugDescription)"
    }
}
