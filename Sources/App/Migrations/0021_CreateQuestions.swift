import Fluent

/// Questions from entrepreneurs (ondernemersvragen), their routing and status.
struct CreateQuestions: AsyncMigration {
    var name: String { "0021_CreateQuestions" }

    func prepare(on database: Database) async throws {
        try await database.schema("questions")
            .id()
            .field("question", .string, .required)
            .field("channel", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("routed_to", .string)
            .field("assignee_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("status", .string, .required)
            .field("received_at", .datetime, .required)
            .field("first_answered_at", .datetime)
            .field("closed_at", .datetime)
            .field("answer", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("questions").delete()
    }
}
