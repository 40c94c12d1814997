import CSQLite
import Foundation

/// One SQLite connection shared by every thread of the server.
///
/// A recursive lock guards the connection: each call holds it for one statement, and
/// `transaction(_:)` holds it for the whole body, so calls made inside the body on the same
/// thread join the transaction while other threads wait. Prepared statements are cached
/// by their SQL text.
final class SQLiteDatabase: @unchecked Sendable {
    let path: String
    private var handle: OpaquePointer?
    private let lock = NSRecursiveLock()
    private var statements: [String: SQLiteStatement] = [:]
    private var transactionDepth = 0

    /// Opens or creates the database file at `path` in WAL mode, with foreign keys on
    /// and a busy timeout so a second process waits for a lock instead of failing.
    ///
    /// - Parameter busyTimeoutMilliseconds: How long a statement waits for another
    ///   connection's lock before failing with `SQLITE_BUSY`.
    /// - Throws: `SQLiteError` when the file cannot be opened or is not a database.
    init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws {
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw SQLiteError(code: result, message: message, statement: "open \(path)")
        }
        handle = opened

        sqlite3_busy_timeout(opened, busyTimeoutMilliseconds)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        close()
    }

    /// Finalizes cached statements and closes the connection. Safe to call twice.
    func close() {
        lock.withLock {
            statements.values.forEach { $0.finalize() }
            statements.removeAll()
            if let handle {
                sqlite3_close_v2(handle)
            }
            handle = nil
        }
    }

    /// Runs one or more statements that take no parameters, such as a migration script.
    ///
    /// - Throws: `SQLiteError` from the first statement that fails.
    func execute(_ sql: String) throws {
        try lock.withLock {
            let connection = try openHandle(for: sql)
            var errorMessage: UnsafeMutablePointer<CChar>?
            let result = sqlite3_exec(connection, sql, nil, nil, &errorMessage)
            guard result == SQLITE_OK else {
                let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(connection))
                sqlite3_free(errorMessage)
                throw SQLiteError(code: result, message: message, statement: sql)
            }
        }
    }

    /// Runs a statement that returns no rows.
    ///
    /// - Returns: The number of rows the statement inserted, updated or deleted.
    @discardableResult
    func run(_ sql: String, _ parameters: [SQLiteBindable] = []) throws -> Int {
        try lock.withLock {
            let statement = try prepared(sql)
            defer { statement.reset() }
            try statement.bind(parameters)
            try statement.runToCompletion()
            return Int(sqlite3_changes(try openHandle(for: sql)))
        }
    }

    /// Runs a query and reads every row.
    func query(_ sql: String, _ parameters: [SQLiteBindable] = []) throws -> [SQLiteRow] {
        try lock.withLock {
            let statement = try prepared(sql)
            defer { statement.reset() }
            try statement.bind(parameters)
            return try statement.readAllRows()
        }
    }

    /// Runs a query and reads its first row, or nil when it returns none.
    func queryFirst(_ sql: String, _ parameters: [SQLiteBindable] = []) throws -> SQLiteRow? {
        try query(sql, parameters).first
    }

    /// The rowid of the last row this connection inserted.
    var lastInsertRowID: Int64 {
        lock.withLock { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The outermost call starts `BEGIN IMMEDIATE`, so the write lock is taken up front.
    /// A nested call uses a savepoint, so an inner failure undoes only the inner work.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }

        let savepoint = "sp\(transactionDepth)"
        try execute(transactionDepth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1

        do {
            let result = try body()
            transactionDepth -= 1
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
            return result
        } catch {
            transactionDepth -= 1
            if transactionDepth == 0 {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO \(savepoint)")
                try? execute("RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// The schema version kept in the file header (`PRAGMA user_version`).
    func userVersion() throws -> Int {
        try queryFirst("PRAGMA user_version")?.int("user_version") ?? 0
    }

    func setUserVersion(_ version: Int) throws {
        try execute("PRAGMA user_version = \(version)")
    }

    private func openHandle(for sql: String) throws -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "database \(path) is closed", statement: sql)
        }
        return handle
    }

    private func prepared(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try SQLiteStatement(sql: sql, connection: try openHandle(for: sql))
        statements[sql] = statement
        return statement
    }
}
