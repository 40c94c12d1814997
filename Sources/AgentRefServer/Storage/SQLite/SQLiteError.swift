import CSQLite

/// A failed SQLite call, with SQLite's result code and message and the statement involved.
struct SQLiteError: Error, CustomStringConvertible {
    /// SQLite's primary or extended result code, such as `SQLITE_CONSTRAINT` (19).
    var code: Int32
    var message: String
    /// The SQL text, or a short name of the operation when there is no statement.
    var statement: String

    var description: String {
        "SQLite error \(code) (\(message)) in: \(statement)"
    }

    /// True for a violated UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL or CHECK constraint.
    var isConstraintViolation: Bool {
        code & 0xFF == SQLITE_CONSTRAINT
    }
}

/// A column that was NULL or of another type than the reader expected.
struct SQLiteColumnError: Error, CustomStringConvertible {
    var column: String
    var expected: String

    var description: String {
        "column \(column) is not a \(expected)"
    }
}
