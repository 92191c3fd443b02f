import Fluent

/// People (personal data) and the history of their consents.
struct CreatePeople: AsyncMigration {
    var name: String { "0016_CreatePeople" }

    func prepare(on database: Database) async throws {
        try await database.schema("people")
            .id()
            .field("name", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("lawful_basis", .string, .required)
            .field("notes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("person_consents")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("given", .bool, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("person_consents").delete()
        try await database.schema("people").delete()
    }
}
