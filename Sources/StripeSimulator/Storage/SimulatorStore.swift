import AgentRefDomain
import AgentRefLog
import Foundation

/// The simulator's state behind a lock, written to `stripe-sim.json` after every change
/// when a file is configured.
///
/// Writes go to a temporary file in the same folder that is then renamed over the state
/// file, so a crash leaves either the old or the new state, never a torn file. The file
/// contains secrets (signing secrets, access tokens) and is created with mode 0600.
final class SimulatorStore: @unchecked Sendable {
    private let fileURL: URL?
    private let logger: Logger
    private let lock = NSLock()
    private var state = SimulatorState()

    init(fileURL: URL?, logger: Logger) {
        self.fileURL = fileURL
        self.logger = logger
    }

    /// Reads the state file when it exists. A missing file means a fresh simulator, and
    /// an empty state is written at once so an unwritable data directory fails here rather
    /// than at the first change.
    ///
    /// - Throws: `SimulatorStoreError.unreadable` when the file exists but cannot be read
    ///   or decoded, `SimulatorStoreError.unwritable` when a new file cannot be written.
    func load() throws {
        guard let fileURL else { return }
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            try lock.withLock { try save(state) }
            return
        }

        let loaded: SimulatorState
        do {
            let data = try Data(contentsOf: fileURL)
            loaded = try AgentRefJSON.makeDecoder().decode(SimulatorState.self, from: data)
        } catch {
            throw SimulatorStoreError.unreadable(path: fileURL.path, reason: String(describing: error))
        }

        lock.withLock { state = loaded }
        logger.info("state loaded", [
            .dataDirectory: fileURL.deletingLastPathComponent().path,
            .count: String(loaded.webhookEndpoints.count),
        ])
    }

    /// Runs `body` on a consistent snapshot of the state.
    func read<Result>(_ body: (SimulatorState) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(state) }
    }

    /// Changes the state with `body` and saves it. When `body` throws or the save fails,
    /// the state stays as it was.
    ///
    /// - Throws: What `body` throws, or `SimulatorStoreError.unwritable`.
    func update<Result>(_ body: (inout SimulatorState) throws -> Result) throws -> Result {
        try lock.withLock {
            var changed = state
            let result = try body(&changed)
            try save(changed)
            state = changed
            return result
        }
    }

    private func save(_ newState: SimulatorState) throws {
        guard let fileURL else { return }

        let folder = fileURL.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(fileURL.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let data = try AgentRefJSON.makeEncoder().encode(newState)
            guard FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]
            ) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary.path, fileURL.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            logger.error("state save failed", [.dataDirectory: folder.path, .error: String(describing: error)])
            throw SimulatorStoreError.unwritable(path: fileURL.path, reason: String(describing: error))
        }
    }
}

/// A state file the simulator cannot read or write.
enum SimulatorStoreError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read simulator state \(path): \(reason); repair the file or delete it to start empty"
        case .unwritable(let path, let reason):
            "cannot write simulator state \(path): \(reason); check that the data directory is writable"
        }
    }
}
