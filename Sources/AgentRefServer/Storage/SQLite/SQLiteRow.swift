import Foundation

/// One result row, with its values read eagerly so it outlives the statement.
struct SQLiteRow: Sendable {
    private let columns: [String: Int]
    private let values: [SQLiteValue]

    init(columns: [String: Int], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column`, or `.null` when the result has no such column.
    subscript(column: String) -> SQLiteValue {
        guard let index = columns[column] else { return .null }
        return values[index]
    }

    func optionalString(_ column: String) -> String? {
        switch self[column] {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .null: nil
        }
    }

    func optionalInt64(_ column: String) -> Int64? {
        switch self[column] {
        case .integer(let number): number
        case .real(let number): Int64(number)
        case .text(let text): Int64(text)
        case .blob, .null: nil
        }
    }

    func optionalDouble(_ column: String) -> Double? {
        switch self[column] {
        case .real(let number): number
        case .integer(let number): Double(number)
        case .text(let text): Double(text)
        case .blob, .null: nil
        }
    }

    func optionalDate(_ column: String) -> Date? {
        optionalInt64(column).map { Date(millisecondsSince1970: $0) }
    }

    func optionalInt(_ column: String) -> Int? {
        optionalInt64(column).map { Int($0) }
    }

    /// - Throws: `SQLiteColumnError` when the column is NULL.
    func string(_ column: String) throws -> String {
        guard let value = optionalString(column) else { throw SQLiteColumnError(column: column, expected: "text") }
        return value
    }

    /// - Throws: `SQLiteColumnError` when the column is NULL or not a number.
    func int64(_ column: String) throws -> Int64 {
        guard let value = optionalInt64(column) else { throw SQLiteColumnError(column: column, expected: "integer") }
        return value
    }

    func int(_ column: String) throws -> Int {
        Int(try int64(column))
    }

    func double(_ column: String) throws -> Double {
        guard let value = optionalDouble(column) else { throw SQLiteColumnError(column: column, expected: "real") }
        return value
    }

    func bool(_ column: String) throws -> Bool {
        try int64(column) != 0
    }

    func date(_ column: String) throws -> Date {
        Date(millisecondsSince1970: try int64(column))
    }
}
