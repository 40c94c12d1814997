/// Brings a database's schema up to date, one numbered migration at a time.
///
/// Migration `n` (1-based position in the list) runs when `PRAGMA user_version` is below
/// `n`, in its own transaction that also sets the version, so a crash mid-way leaves the
/// previous version intact. Released migrations must never change; add a new one instead.
struct SQLiteMigrator {
    var migrations: [String]

    /// Applies the migrations the database has not seen yet.
    ///
    /// - Returns: The schema version after migrating.
    /// - Throws: `SQLiteError` from a failed migration, or `SchemaTooNew` when the file
    ///   was written by a newer version of the server.
    @discardableResult
    func migrate(_ database: SQLiteDatabase) throws -> Int {
        let current = try database.userVersion()
        guard current <= migrations.count else {
            throw SchemaTooNew(path: database.path, version: current, supported: migrations.count)
        }

        for (offset, script) in migrations.enumerated() where offset + 1 > current {
            try database.transaction {
                try database.execute(script)
                try database.setUserVersion(offset + 1)
            }
        }
        return migrations.count
    }

    /// A database file whose schema is newer than this build understands.
    struct SchemaTooNew: Error, CustomStringConvertible {
        var path: String
        var version: Int
        var supported: Int

        var description: String {
            "database \(path) has schema version \(version), but this server supports up to \(supported); "
                + "run a newer agentref or use another --data-dir"
        }
    }
}
