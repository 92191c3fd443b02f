import Fluent
import Foundation
import SQLKit
import Vapor

/// Backs up the database Vliegwiel runs on while it runs, and restores such a backup into an
/// empty database.
///
/// - SQLite: `VACUUM INTO` writes a consistent copy (one read transaction) of the live database;
///   the restore copies its schema and rows into the empty database in one transaction.
/// - PostgreSQL: `pg_dump` in its custom format, from the same snapshot the manifest's row counts
///   are read in; the restore runs `pg_restore` in one transaction.
///
/// Either way the manifest is checked first (format, schema, SHA-256), the row counts after, the
/// database is then migrated forward when the backup is of an older Vliegwiel, and the figure
/// caches of every instance are told the data changed. The SHA-256 proves the copy whole, not who
/// made it: restore only backups you made (a backup holds the accounts too).
struct DatabaseBackup {
    let application: Application
    private var database: any Database { application.db }
    private var sql: any SQLDatabase { application.db as! any SQLDatabase }

    struct Made {
        let manifest: BackupManifest
        let archiveBytes: Int
        let seconds: Double
    }

    struct Restored {
        let manifest: BackupManifest
        /// The migrations run after the restore because the backup is older than this Vliegwiel.
        let migratedForward: [String]
        let seconds: Double
    }

    private var engine: BackupManifest.Engine {
        if case .postgres = application.config.database { return .postgresql }
        return .sqlite
    }

    // MARK: Backup

    func make(to output: URL) async throws -> Made {
        let started = ContinuousClock.now
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payload = folder.appendingPathComponent(engine.payloadName)
        let snapshot = engine == .sqlite ? try await copySQLite(to: payload) : try await dumpPostgreSQL(to: payload)
        let manifest = BackupManifest(createdAt: Date(), engine: engine, schema: snapshot.schema, migrations: snapshot.migrations,
                                      tables: snapshot.tables, payloadBytes: try Self.size(of: payload), sha256: try BackupArchive.sha256(of: payload))
        try BackupArchive.write(to: output, manifest: try manifest.encoded(), payload: payload, payloadName: engine.payloadName)
        return Made(manifest: manifest, archiveBytes: try Self.size(of: output), seconds: (ContinuousClock.now - started).seconds)
    }

    private struct Snapshot {
        var schema: String?
        var migrations: [String]
        var tables: [String: Int]
    }

    /// `VACUUM INTO` the copy, then reads its tables and migrations from the copy itself.
    private func copySQLite(to copy: URL) async throws -> Snapshot {
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("VACUUM INTO \(bind: copy.path)").run()
            try await sql.raw("ATTACH DATABASE \(bind: copy.path) AS backup").run()
            do {
                let snapshot = try await Self.snapshot(sql, tables: "SELECT name FROM backup.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                                       qualifier: "backup")
                try await sql.raw("DETACH DATABASE backup").run()
                return snapshot
            } catch {
                try? await sql.raw("DETACH DATABASE backup").run()
                throw error
            }
        }
    }

    /// `pg_dump` from a snapshot exported by a read-only transaction that counts the rows.
    private func dumpPostgreSQL(to dump: URL) async throws -> Snapshot {
        let program = try Self.postgresProgram("pg_dump")
        let connectionEnvironment = try postgresEnvironment()
        return try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            do {
                let exported = try await sql.raw("SELECT pg_export_snapshot() AS id").first(decodingColumn: "id", as: String.self) ?? ""
                var snapshot = try await Self.snapshot(sql, tables: "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()", qualifier: nil)
                let schema = try await sql.raw("SELECT current_schema() AS name").first(decodingColumn: "name", as: String.self) ?? "public"
                snapshot.schema = schema
                let outcome = try await program.run([
                    "--format=custom", "--no-owner", "--no-privileges", "--snapshot=\(exported)",
                    "--schema=\"\(schema.replacingOccurrences(of: "\"", with: "\"\""))\"", "--file=\(dump.path)",
                ], environment: connectionEnvironment, timeout: .seconds(6 * 3600))
                guard outcome.succeeded else {
                    throw BackupError("pg_dump failed (exit status \(outcome.status)): \(outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
                }
                try await sql.raw("COMMIT").run()
                return snapshot
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// The tables listed by `tables` (a query giving `name`) with their row counts, and the
    /// migrations that had run, as `sql` sees them (in the schema `qualifier`, when given).
    private static func snapshot(_ sql: any SQLDatabase, tables query: String, qualifier: String?) async throws -> Snapshot {
        let names = try await sql.raw("\(unsafeRaw: query)").all(decodingColumn: "name", as: String.self)
        var tables: [String: Int] = [:]
        for name in names {
            let table: any SQLExpression = qualifier.map { SQLQualifiedTable(name, space: $0) } ?? SQLIdentifier(name)
            tables[name] = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        let migrationTable: any SQLExpression = qualifier.map { SQLQualifiedTable("_fluent_migrations", space: $0) } ?? SQLIdentifier("_fluent_migrations")
        let migrations = tables["_fluent_migrations"] == nil ? [] :
            try await sql.select().column("name").from(migrationTable).all(decodingColumn: "name", as: String.self)
        return Snapshot(schema: nil, migrations: Self.inOrder(migrations), tables: tables)
    }

    /// Migration names in the order this Vliegwiel runs them; names it does not know at the end.
    private static func inOrder(_ names: [String]) -> [String] {
        let known = Migrations.all.map(\.name)
        let given = Set(names)
        return known.filter(given.contains) + names.filter { !known.contains($0) }.sorted()
    }

    // MARK: Restore

    func restore(from archive: URL) async throws -> Restored {
        let started = ContinuousClock.now
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payload = folder.appendingPathComponent("payload")
        let (manifestData, digest) = try BackupArchive.read(archive, payloadName: { try BackupManifest.decode($0).engine.payloadName }, into: payload)
        let manifest = try BackupManifest.decode(manifestData)
        guard manifest.engine == engine else {
            throw BackupError("the backup is of a \(manifest.engine == .sqlite ? "SQLite" : "PostgreSQL") database and Vliegwiel runs on \(engine == .sqlite ? "SQLite" : "PostgreSQL") here: restore it where it was made (moving between the two is not supported)")
        }
        guard digest == manifest.sha256, try Self.size(of: payload) == manifest.payloadBytes else {
            throw BackupError("the database copy in \(archive.lastPathComponent) does not match its manifest's SHA-256: the backup is damaged")
        }
        let known = Set(Migrations.all.map(\.name))
        if let newer = manifest.migrations.first(where: { !known.contains($0) }) {
            throw BackupError("the backup is of a newer Vliegwiel (its schema has the migration \(newer), which this one does not know): restore it with that version or a newer one")
        }
        let existing = try await tableCount()
        guard existing == 0 else {
            throw BackupError("the database is not empty (it has \(existing) tables): restore into an empty database, so that nothing in it is lost")
        }
        switch engine {
        case .sqlite: try await restoreSQLite(from: payload)
        case .postgresql: try await restorePostgreSQL(from: payload, manifest: manifest, folder: folder)
        }
        for (table, expected) in manifest.tables.sorted(by: { $0.key < $1.key }) {
            let found = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(decodingColumn: "n", as: Int.self) ?? 0
            guard found == expected else {
                throw BackupError("after the restore the table \(table) has \(found) rows where the backup had \(expected)")
            }
        }
        let forward = Migrations.all.map(\.name).filter { !manifest.migrations.contains($0) }
        try await application.migrate()
        try await Setting.figuresChanged(on: database)
        try await Setting.dataChanged(on: database)
        return Restored(manifest: manifest, migratedForward: forward, seconds: (ContinuousClock.now - started).seconds)
    }

    /// The number of tables in the database (in PostgreSQL, in the schema Vliegwiel uses).
    private func tableCount() async throws -> Int {
        let query: SQLQueryString = engine == .sqlite
            ? "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            : "SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()"
        return try await sql.raw(query).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Creates the copy's tables and indexes and copies its rows, in one transaction on one
    /// connection. Only the statements Vliegwiel's schema consists of are accepted from the copy.
    private func restoreSQLite(from copy: URL) async throws {
        try await database.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            try await sql.raw("ATTACH DATABASE \(bind: copy.path) AS backup").run()
            do {
                guard try await sql.raw("PRAGMA backup.quick_check").first(decodingColumn: "quick_check", as: String.self) == "ok" else {
                    throw BackupError("the SQLite copy in the backup is damaged (quick_check failed)")
                }
                struct Entry: Decodable { let type: String; let name: String; let sql: String }
                let entries = try await sql.raw("""
                    SELECT type, name, sql FROM backup.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid
                    """).all(decoding: Entry.self)
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    for entry in entries {
                        let statement = entry.sql.uppercased()
                        guard (entry.type == "table" && statement.hasPrefix("CREATE TABLE"))
                            || (entry.type == "index" && (statement.hasPrefix("CREATE INDEX") || statement.hasPrefix("CREATE UNIQUE INDEX"))) else {
                            throw BackupError("the SQLite copy in the backup holds a \(entry.type) (\(entry.name)) that a Vliegwiel database does not have")
                        }
                        try await sql.raw("\(unsafeRaw: entry.sql)").run()
                    }
                    for entry in entries where entry.type == "table" {
                        try await sql.raw("INSERT INTO main.\(ident: entry.name) SELECT * FROM backup.\(ident: entry.name)").run()
                    }
                    if try await sql.raw("SELECT COUNT(*) AS n FROM backup.sqlite_master WHERE name = 'sqlite_sequence'").first(decodingColumn: "n", as: Int.self) == 1 {
                        try await sql.raw("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence").run()
                    }
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
                try await sql.raw("DETACH DATABASE backup").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
            } catch {
                try? await sql.raw("DETACH DATABASE backup").run()
                try? await sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
        }
    }

    /// `pg_restore` of everything in the dump but its schema itself, which exists already (the
    /// backup's tables go into the schema they came from, which must be the one used here).
    private func restorePostgreSQL(from dump: URL, manifest: BackupManifest, folder: URL) async throws {
        let program = try Self.postgresProgram("pg_restore")
        let current = try await sql.raw("SELECT current_schema() AS name").first(decodingColumn: "name", as: String.self) ?? "public"
        guard manifest.schema == nil || manifest.schema == current else {
            throw BackupError("the backup's tables are in the schema \(manifest.schema ?? "") and Vliegwiel uses \(current) here: restore into a database whose search path is \(manifest.schema ?? "")")
        }
        let environment = try postgresEnvironment()
        let list = folder.appendingPathComponent("contents.list"), chosen = folder.appendingPathComponent("chosen.list")
        let listed = try await program.run(["--list", "--file=\(list.path)", dump.path], environment: environment, timeout: .seconds(600))
        guard listed.succeeded, let contents = try? String(contentsOf: list, encoding: .utf8) else {
            throw BackupError("pg_restore cannot read the dump in the backup: \(listed.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let kept = contents.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" SCHEMA - ") && !$0.contains(" COMMENT - SCHEMA ") }
        try kept.joined(separator: "\n").write(to: chosen, atomically: true, encoding: .utf8)
        let outcome = try await program.run([
            "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--use-list=\(chosen.path)", "--dbname=\(environment["PGDATABASE"] ?? "")", dump.path,
        ], environment: environment, timeout: .seconds(6 * 3600))
        guard outcome.succeeded else {
            throw BackupError("pg_restore failed (exit status \(outcome.status)), nothing was restored: \(outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    // MARK: Helpers

    /// pg_dump or pg_restore, or what to install.
    private static func postgresProgram(_ name: String) throws -> ExternalProgram {
        guard let program = ExternalProgram.onPath([name]) else {
            throw BackupError("\(name) is not installed: install Debian's postgresql-client (apt-get install postgresql-client), of the server's major version or newer")
        }
        return program
    }

    /// libpq's environment for the configured PostgreSQL URL: the password goes to the program
    /// this way, not on its command line.
    private func postgresEnvironment() throws -> [String: String] {
        guard case .postgres(let text, _) = application.config.database, let url = URLComponents(string: text), let host = url.host else {
            throw BackupError("DATABASE_URL is not a PostgreSQL URL")
        }
        var environment = ["PGHOST": host, "PGPORT": String(url.port ?? 5432), "PGDATABASE": String(url.path.dropFirst()), "PGCONNECT_TIMEOUT": "10"]
        if let user = url.user { environment["PGUSER"] = user.removingPercentEncoding ?? user }
        if let password = url.password { environment["PGPASSWORD"] = password.removingPercentEncoding ?? password }
        let query = url.queryItems ?? []
        if let mode = query.first(where: { ["sslmode", "tlsmode"].contains($0.name) })?.value, ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(mode) {
            environment["PGSSLMODE"] = mode
        }
        return environment
    }

    /// A temporary folder only this process's user can read: the database copy passes through it.
    private static func privateFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vliegwiel-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    private static func size(of file: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
    }
}
