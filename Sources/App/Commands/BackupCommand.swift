import Foundation
import Vapor

/// `vliegwiel backup --output FILE`: a consistent copy of the database, taken while Vliegwiel
/// runs, with its manifest (see `DatabaseBackup`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "the backup file to write (a tar archive: manifest.json and the database copy)") var output: String?
        init() {}
    }

    var help: String { "Writes a backup of the database (SQLite: VACUUM INTO; PostgreSQL: pg_dump) with a manifest." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output, !output.isEmpty else { throw CLIError.usage("--output FILE is required") }
        let made: DatabaseBackup.Made
        do {
            made = try await DatabaseBackup(application: context.application).make(to: URL(fileURLWithPath: output))
        } catch let error as BackupError {
            throw CLIError.rejected(error.description)
        }
        let rows = made.manifest.tables.values.reduce(0, +)
        context.console.print("Wrote \(output): \(Format.integer(made.archiveBytes)) bytes, \(made.manifest.tables.count) tables, \(Format.integer(rows)) rows, "
            + "\(made.manifest.migrations.count) migrations, SHA-256 \(made.manifest.sha256.prefix(16))…, in \(Format.decimal(made.seconds, digits: 1)) s.")
    }
}

/// `vliegwiel restore FILE`: restores a backup into an empty database, then migrates it forward
/// when it is of an older Vliegwiel.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the backup file written by vliegwiel backup") var file: String
        init() {}
    }

    var help: String { "Restores a backup into an empty database and migrates it forward." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let restored: DatabaseBackup.Restored
        do {
            restored = try await DatabaseBackup(application: context.application).restore(from: URL(fileURLWithPath: signature.file))
        } catch let error as BackupError {
            throw CLIError.rejected(error.description)
        }
        let rows = restored.manifest.tables.values.reduce(0, +)
        var line = "Restored \(signature.file) (made \(restored.manifest.createdAt.formatted(.iso8601))): \(restored.manifest.tables.count) tables, \(Format.integer(rows)) rows, in \(Format.decimal(restored.seconds, digits: 1)) s."
        if !restored.migratedForward.isEmpty { line += " Migrated forward: \(restored.migratedForward.joined(separator: ", "))." }
        context.console.print(line)
    }
}
