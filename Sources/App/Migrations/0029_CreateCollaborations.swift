import Fluent

/// Collaborations between organisations (the clusters' network).
struct CreateCollaborations: AsyncMigration {
    var name: String { "0029_CreateCollaborations" }

    func prepare(on database: Database) async throws {
        try await database.schema("collaborations")
            .id()
            .field("first_organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("second_organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("strength", .int, .required)
            .field("started_on", .string)
            .field("ended_on", .string)
            .field("notes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("collaborations").delete()
    }
}
