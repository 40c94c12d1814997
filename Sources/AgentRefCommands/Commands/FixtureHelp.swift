import Foundation
import StripeSimulator

/// The part of `agentref trigger --help` that lists the attribution fixtures it can replay.
enum FixtureHelp {
    /// Lists the replayable fixtures of `directory` with their descriptions, or gives the
    /// reason there are none.
    static func text(directory: URL?) -> String {
        guard let directory else {
            return "Fixture replays: no fixture folder found. Set AGENTREF_FIXTURES or pass --fixtures DIR; "
                + "the repository keeps them in \(FixtureCatalog.repositoryPath)."
        }
        let catalog: FixtureCatalog
        do {
            catalog = try FixtureCatalog(directory: directory)
        } catch {
            return "Fixture replays: \(error)"
        }

        let replayable = catalog.fixtures.filter(\.isReplayable)
        var lines = ["Fixture replays (from \(directory.path); they need --program ID for their clicks):"]
        lines += replayable.map { "  \($0.name)\n      \($0.description)" }
        let testOnly = catalog.fixtures.count - replayable.count
        if testOnly > 0 {
            lines.append("\(testOnly) more fixture(s) disconnect the program midway and run only in the test suite.")
        }
        return lines.joined(separator: "\n")
    }
}
