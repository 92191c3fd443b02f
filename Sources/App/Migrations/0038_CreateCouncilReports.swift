import Fluent

/// Frozen council reports: one per reporting date, area and language, kept byte for byte.
struct CreateCouncilReports: AsyncMigration {
    var name: String { "0038_CreateCouncilReports" }

    func prepare(on database: Database) async throws {
        try await database.schema("council_reports")
            .id()
            .field("reporting_date", .string, .required)
            .field("area", .string, .required)
            .field("language", .string, .required)
            .field("html", .data, .required)
            .field("html_sha256", .string, .required)
            .field("pdf", .data)
            .field("pdf_sha256", .string)
            .field("pages", .int)
            .field("goal_measurements", .string, .required)
            .field("frozen_at", .datetime, .required)
            .field("frozen_by", .uuid, .references("users", "id", onDelete: .setNull))
            .unique(on: "reporting_date", "area", "language")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("council_reports").delete()
    }
}
