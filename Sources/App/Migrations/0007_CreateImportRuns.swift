import Fluent

/// Provenance of every import: what file, its hash, how many rows, and how it ended.
struct CreateImportRuns: AsyncMigration {
    var name: String { "0007_CreateImportRuns" }

    func prepare(on database: Database) async throws {
        try await database.schema("import_runs")
            .id()
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("sha256", .string, .required)
            .field("rows", .int, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string, .required)
            .field("errors", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("import_runs").delete()
    }
}
