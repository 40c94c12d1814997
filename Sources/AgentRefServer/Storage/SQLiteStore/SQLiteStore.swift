import AgentRefDomain
import AgentRefLog
import Foundation

/// The embedded store: one SQLite file, `agentref.sqlite`, in the data directory, in WAL mode.
final class SQLiteStore: Store, @unchecked Sendable {
    static let fileName = "agentref.sqlite"

    let database: SQLiteDatabase
    let encoder = AgentRefJSON.makeEncoder()
    let decoder = AgentRefJSON.makeDecoder()
    private let encoderLock = NSLock()

    /// Opens or creates the store in `dataDirectory`, creating the folder when missing,
    /// and migrates its schema.
    ///
    /// - Throws: The file system error when the folder cannot be created, `SQLiteError`
    ///   when the file cannot be opened, or `SQLiteMigrator.SchemaTooNew`.
    init(dataDirectory: URL, logger: Logger) throws {
        try FileManager.default.createDirectory(
            at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        let path = dataDirectory.appendingPathComponent(Self.fileName).path
        try Self.restrictToOwner(path)
        database = try SQLiteDatabase(path: path)

        let version = try SQLiteMigrator(migrations: Self.migrations).migrate(database)
        logger.info("store opened", [.dataDirectory: dataDirectory.path, .schemaVersion: String(version)])
    }

    func close() {
        database.close()
    }

    /// Creates the database file readable by its owner only, or makes an existing one so,
    /// because it holds webhook signing secrets. SQLite gives its `-wal` and `-shm` files
    /// the same mode as the database file.
    private static func restrictToOwner(_ path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            _ = manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    // MARK: - Helpers for the extensions

    /// Runs an INSERT, turning a unique-key violation into `StoreError.duplicate(key:)`.
    func insert(_ sql: String, _ parameters: [SQLiteBindable], duplicateKey: @autoclosure () -> String) throws {
        do {
            try database.run(sql, parameters)
        } catch let error as SQLiteError where error.isConstraintViolation && error.message.contains("UNIQUE") {
            throw StoreError.duplicate(key: duplicateKey())
        }
    }

    /// Reads one window of a newest-first list.
    ///
    /// - Parameters:
    ///   - select: `SELECT … FROM …` with the columns to read; it must expose the row's
    ///     position as `position`, and `positionColumn` must name that expression.
    ///   - filter: A condition (without `WHERE`) and its parameters.
    func list<Item>(
        select: String,
        from table: String,
        positionColumn: String,
        filter: (sql: String, parameters: [SQLiteBindable]),
        window: ListWindow,
        read: (SQLiteRow) throws -> Item
    ) throws -> ListSlice<Item> {
        try database.transaction {
            let condition = filter.sql.isEmpty ? "1 = 1" : filter.sql
            let total = try database.queryFirst("SELECT COUNT(*) AS n FROM \(table) WHERE \(condition)", filter.parameters)?
                .int("n") ?? 0

            let rows: [SQLiteRow]
            let itemsBefore: Int
            switch window.start {
            case .offset(let offset):
                rows = try database.query(
                    "\(select) WHERE \(condition) ORDER BY \(positionColumn) DESC LIMIT ? OFFSET ?",
                    filter.parameters + [window.limit, offset]
                )
                itemsBefore = min(offset, total)
            case .after(let position):
                rows = try database.query(
                    "\(select) WHERE (\(condition)) AND \(positionColumn) < ? ORDER BY \(positionColumn) DESC LIMIT ?",
                    filter.parameters + [position, window.limit]
                )
                itemsBefore = try database.queryFirst(
                    "SELECT COUNT(*) AS n FROM \(table) WHERE (\(condition)) AND \(positionColumn) >= ?",
                    filter.parameters + [position]
                )?.int("n") ?? 0
            }

            return ListSlice(
                items: try rows.map(read),
                total: total,
                itemsBefore: itemsBefore,
                lastPosition: rows.last?.optionalInt64("position")
            )
        }
    }

    func encodeJSON<Value: Encodable>(_ value: Value) throws -> String {
        let data = try encoderLock.withLock { try encoder.encode(value) }
        return String(decoding: data, as: UTF8.self)
    }

    func decodeJSON<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try encoderLock.withLock { try decoder.decode(type, from: Data(text.utf8)) }
    }
}

extension LogKey {
    static let schemaVersion: LogKey = "schema_version"
}
