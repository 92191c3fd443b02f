@testable import App
import Testing
import Fluent
import Foundation
import SQLKit
import Vapor

extension Application {
    var isPostgres: Bool {
        if case .postgres = config.database { return true }
        return false
    }

    /// Every table's rows as a SHA-256 of its rows, each as text in one canonical order: equal
    /// digests, equal rows. Computed by the database itself (PostgreSQL: each row as text; SQLite:
    /// each value quoted), independently of the backup code.
    func tableDigests() async throws -> [String: String] {
        var digests: [String: String] = [:]
        if isPostgres {
            for table in try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()").all(decodingColumn: "name", as: String.self) {
                digests[table] = try await sql.raw("SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS d FROM \(ident: table) AS x")
                    .first(decodingColumn: "d", as: String.self)
            }
        } else {
            for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").all(decodingColumn: "name", as: String.self) {
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(decodingColumn: "name", as: String.self)
                let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                let text = try await sql.raw("SELECT group_concat(r, char(10)) AS d FROM (SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY r)")
                    .first(decodingColumn: "d", as: String?.self) ?? nil
                digests[table] = SHA256.hash(data: Data((text ?? "").utf8)).map { String(format: "%02x", $0) }.joined()
            }
        }
        return digests
    }

    /// The settings but the figures and data versions, which a restore moves on purpose.
    func settingsButVersions() async throws -> [String: String] {
        let moved = [Setting.Key.figuresVersion.rawValue, Setting.Key.dataVersion.rawValue]
        return Dictionary(uniqueKeysWithValues: try await Setting.query(on: db).all().filter { !moved.contains($0.id ?? "") }.map { ($0.id ?? "", $0.value) })
    }

    /// Drops every table: the empty database a restore needs.
    func emptyDatabase() async throws {
        if case .postgres(_, let schema?) = config.database {
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            return
        }
        try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            for index in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all(decodingColumn: "name", as: String.self) {
                try await sql.raw("DROP INDEX \(ident: index)").run()
            }
            for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").all(decodingColumn: "name", as: String.self) {
                try await sql.raw("DROP TABLE \(ident: table)").run()
            }
            try await sql.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    /// Backs up, empties the database, restores, and checks that every table holds the same rows
    /// as before (the settings but the figures and data versions, which move). Returns what was made.
    @discardableResult
    func expectBackupRoundTrip(sourceLocation: SourceLocation = #_sourceLocation) async throws -> (made: DatabaseBackup.Made, restored: DatabaseBackup.Restored) {
        let before = try await tableDigests()
        let settings = try await settingsButVersions()
        let figuresVersion = try await Setting.value(.figuresVersion, on: db)
        let file = URL(fileURLWithPath: try temporaryFile("", name: "vliegwiel.backup"))
        let made = try await DatabaseBackup(application: self).make(to: file)
        try await emptyDatabase()
        let restored = try await DatabaseBackup(application: self).restore(from: file)
        var after = try await tableDigests()
        #expect(try await settingsButVersions() == settings, sourceLocation: sourceLocation)
        #expect(try await Setting.value(.figuresVersion, on: db) != figuresVersion, "a restore tells the caches", sourceLocation: sourceLocation)
        after["settings"] = before["settings"]
        #expect(after == before, "\(after.filter { before[$0.key] != $0.value }.keys.sorted())", sourceLocation: sourceLocation)
        #expect(made.manifest.tables.count == before.count, sourceLocation: sourceLocation)
        return (made, restored)
    }
}
