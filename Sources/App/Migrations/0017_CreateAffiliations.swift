import Fluent

/// A person's roles in organisations (one person may have several, at the same time or in turn).
struct CreateAffiliations: AsyncMigration {
    var name: String { "0017_CreateAffiliations" }

    func prepare(on database: Database) async throws {
        try await database.schema("affiliations")
            .id()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("title", .string)
            .field("from_date", .string)
            .field("to_date", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("affiliations").delete()
    }
}
