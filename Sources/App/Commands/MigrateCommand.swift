import Fluent
import Vapor

/// `vliegwiel migrate [--revert]`: brings the schema up to date (or takes every migration back),
/// without asking for confirmation, so scripts can run it.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert all migrations (drops every table and its data).")
        var revert: Bool
    }

    var help: String { "Creates or updates the database schema and loads the reference data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.revert {
            try await context.application.autoRevert()
            context.console.print("All migrations reverted.")
        } else {
            try await context.application.migrate()
            context.console.print("The database is up to date.")
        }
    }
}
