@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// `vliegwiel backup` and `vliegwiel restore` on the database the tests run on (SQLite, or
/// PostgreSQL with TEST_DATABASE_URL). The demo's round trip is in `DemoDatabaseTests`.
struct BackupTests {
    typealias Web = OrganisationTests

    @Test func aBackupRestoresEveryRowAndTheFiguresAreReadAfresh() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.good))
            let adviser = try await app.session(as: .accountmanager)
            let created = try await Web.post("/relaties", Web.software.merging(["name": "Brouwerij 't Klooster"]) { $1 }, as: adviser, in: app)
            #expect(created.status == .seeOther)
            let generation = try await ViewCache.generation(on: app.db)
            let (made, restored) = try await app.expectBackupRoundTrip()
            #expect(made.manifest.engine == (app.isPostgres ? .postgresql : .sqlite))
            #expect(made.manifest.migrations == Migrations.all.map(\.name))
            #expect(made.manifest.tables["register_records"] == 3 && made.manifest.tables["organisations"] == 1 && made.manifest.tables["municipalities"] == 342)
            #expect(restored.migratedForward.isEmpty)
            #expect(try await ViewCache.generation(on: app.db) != generation, "every instance's caches read the restored data afresh")
            // The restored database works: the adviser's session still logs in, the organisation is there.
            let page = try await Web.get("/relaties", as: adviser, in: app)
            #expect(page.status == .ok && page.body.string.contains("Klooster"))
        }
    }

    @Test func aBackupOfAnOlderVliegwielIsMigratedForward() async throws {
        try await withTestApp { app in
            let file = URL(fileURLWithPath: try temporaryFile("", name: "old.backup"))
            // An older Vliegwiel: its schema lacks the last three migrations.
            try await app.emptyDatabase()
            let older = Fluent.Migrations()
            for migration in Migrations.all.dropLast(3) { older.add(migration) }
            let migrator = Migrator(databases: app.databases, migrations: older, logger: app.logger, on: app.eventLoopGroup.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            let made = try await DatabaseBackup(application: app).make(to: file)
            #expect(made.manifest.migrations.count == Migrations.all.count - 3)
            try await app.emptyDatabase()
            let restored = try await DatabaseBackup(application: app).restore(from: file)
            #expect(restored.migratedForward == Migrations.all.suffix(3).map(\.name))
            #expect(try await app.count("council_reports") == 0, "the newest tables exist after the restore")
            #expect(try await app.count("municipalities") == 342)
        }
    }

    @Test func aRestoreRefusesWhatItCannotRestoreAndChangesNothing() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.good))
            let file = URL(fileURLWithPath: try temporaryFile("", name: "vliegwiel.backup"))
            let made = try await DatabaseBackup(application: app).make(to: file)
            let before = try await app.tableDigests()
            func refusal(_ archive: URL) async -> String {
                do {
                    _ = try await DatabaseBackup(application: app).restore(from: archive)
                    return "restored"
                } catch { return String(describing: error) }
            }
            // Into a database that has data: refused, nothing lost.
            #expect(await refusal(file).contains("not empty"))
            #expect(try await app.tableDigests() == before)

            try await app.emptyDatabase()
            // Damaged: one byte of the database copy changed.
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count - 1024 - 600] ^= 0xFF
            let damaged = URL(fileURLWithPath: try temporaryFile("", name: "damaged.backup"))
            try bytes.write(to: damaged)
            #expect(await refusal(damaged).contains("SHA-256"))
            // Cut short, or not a backup at all.
            let short = URL(fileURLWithPath: try temporaryFile("", name: "short.backup"))
            try Data(contentsOf: file).prefix(3000).write(to: short)
            #expect(await refusal(short).contains("ends before the archive does"))
            #expect(await refusal(URL(fileURLWithPath: try temporaryFile("gemeente;jaar\n", name: "notes.csv"))).contains("not a Vliegwiel backup"))
            #expect(await refusal(URL(fileURLWithPath: "/nonexistent/vliegwiel.backup")).contains("cannot read"))
            // Of a newer Vliegwiel: a migration this one does not know.
            var newer = made.manifest
            newer.migrations.append("App.CreateSomethingFromTheFuture")
            let copy = URL(fileURLWithPath: try temporaryFile("", name: "payload"))
            let payload = try BackupArchive.read(file, payloadName: { try BackupManifest.decode($0).engine.payloadName }, into: copy)
            #expect(payload.sha256 == made.manifest.sha256)
            let future = URL(fileURLWithPath: try temporaryFile("", name: "future.backup"))
            try BackupArchive.write(to: future, manifest: try newer.encoded(), payload: copy,
                                    payloadName: made.manifest.engine.payloadName)
            let refusedNewer = await refusal(future)
            #expect(refusedNewer.contains("newer Vliegwiel") && refusedNewer.contains("App.CreateSomethingFromTheFuture"), "\(refusedNewer)")
            let tables = try await (app.db as! any SQLDatabase).raw(app.isPostgres
                ? "SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = current_schema()"
                : "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").first(decodingColumn: "n", as: Int.self)
            #expect(tables == 0, "nothing was written by the refused restores")
            // The good backup still restores.
            _ = try await DatabaseBackup(application: app).restore(from: file)
            #expect(try await app.count("register_records") == 3)
        }
    }
}
