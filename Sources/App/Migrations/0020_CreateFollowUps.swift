import Fluent

/// Follow-ups: what is to be done, by whom and when.
struct CreateFollowUps: AsyncMigration {
    var name: String { "0020_CreateFollowUps" }

    func prepare(on database: Database) async throws {
        try await database.schema("follow_ups")
            .id()
            .field("description", .string, .required)
            .field("owner_id", .uuid, .required, .references("users", "id"))
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("contact_moment_id", .uuid, .references("contact_moments", "id", onDelete: .setNull))
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("done_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("follow_ups").delete()
    }
}
