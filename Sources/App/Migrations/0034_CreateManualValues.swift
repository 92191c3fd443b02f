import Fluent

/// Values of manual indicators, entered with their day and source.
struct CreateManualValues: AsyncMigration {
    var name: String { "0034_CreateManualValues" }

    func prepare(on database: Database) async throws {
        try await database.schema("manual_values")
            .id()
            .field("series", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("date", .string, .required)
            .field("value", .double, .required)
            .field("source", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "series", "date")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("manual_values").delete()
    }
}
