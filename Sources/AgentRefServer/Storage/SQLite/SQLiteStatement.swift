import CSQLite
import Foundation

/// A prepared statement. Only `SQLiteDatabase` uses it, while holding its lock.
final class SQLiteStatement {
    let sql: String
    private let connection: OpaquePointer
    private var handle: OpaquePointer?
    private lazy var columnIndexes: [String: Int] = readColumnNames()

    init(sql: String, connection: OpaquePointer) throws {
        self.sql = sql
        self.connection = connection
        let result = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard result == SQLITE_OK else {
            throw SQLiteError(code: result, message: String(cString: sqlite3_errmsg(connection)), statement: sql)
        }
    }

    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Binds `parameters` to `?1`, `?2`, … in order.
    ///
    /// - Throws: `SQLiteError` when the count does not match the statement's parameters.
    func bind(_ parameters: [SQLiteBindable]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard parameters.count == expected else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "statement takes \(expected) parameters, got \(parameters.count)",
                statement: sql
            )
        }
        for (offset, parameter) in parameters.enumerated() {
            try bind(parameter.sqliteValue, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) throws {
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(handle, index)
        case .integer(let number):
            result = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            result = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // The byte count is passed so text containing U+0000 is stored whole, not cut there.
            var utf8 = Array(text.utf8)
            utf8.append(0)
            result = utf8.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    agentref_sqlite3_bind_text_transient(handle, index, $0, Int32(bytes.count - 1))
                }
            }
        case .blob(let data):
            result = data.withUnsafeBytes { bytes in
                agentref_sqlite3_bind_blob_transient(handle, index, bytes.baseAddress, Int32(data.count))
            }
        }
        try check(result)
    }

    /// Steps until the statement is done, ignoring any rows.
    func runToCompletion() throws {
        while try step() {}
    }

    func readAllRows() throws -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        while try step() {
            rows.append(readRow())
        }
        return rows
    }

    /// Clears bindings and rewinds the statement for its next use.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Advances one row; returns false when the statement is done.
    private func step() throws -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(result)
        }
    }

    private func readRow() -> SQLiteRow {
        let count = sqlite3_column_count(handle)
        let values = (0..<count).map { readValue(at: $0) }
        return SQLiteRow(columns: columnIndexes, values: values)
    }

    private func readValue(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            let bytes = UnsafeBufferPointer(start: sqlite3_column_text(handle, index), count: count)
            return .text(String(decoding: bytes, as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        default:
            return .null
        }
    }

    private func readColumnNames() -> [String: Int] {
        var names: [String: Int] = [:]
        for index in 0..<sqlite3_column_count(handle) {
            names[String(cString: sqlite3_column_name(handle, index))] = Int(index)
        }
        return names
    }

    private func check(_ result: Int32) throws {
        guard result == SQLITE_OK else { throw failure(result) }
    }

    private func failure(_ result: Int32) -> SQLiteError {
        let extended = sqlite3_extended_errcode(connection)
        return SQLiteError(code: extended, message: String(cString: sqlite3_errmsg(connection)), statement: sql)
    }
}
