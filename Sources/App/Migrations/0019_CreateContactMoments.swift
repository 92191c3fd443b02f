import Fluent

/// Contact moments and who and what they involved: organisations, people, account managers, topics.
struct CreateContactMoments: AsyncMigration {
    var name: String { "0019_CreateContactMoments" }

    static let links: [(table: String, column: String, references: String)] = [
        ("contact_moment_organisations", "organisation_id", "organisations"),
        ("contact_moment_people", "person_id", "people"),
        ("contact_moment_managers", "user_id", "users"),
        ("contact_moment_topics", "topic_id", "topics"),
    ]

    func prepare(on database: Database) async throws {
        try await database.schema("contact_moments")
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("notes", .string)
            // People erased under the AVG: the contact moment keeps the fact that someone took part.
            .field("erased_people", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        for link in Self.links {
            try await database.schema(link.table)
                .field("contact_moment_id", .uuid, .required, .references("contact_moments", "id", onDelete: .cascade))
                .field(.string(link.column), .uuid, .required, .references(link.references, "id", onDelete: .cascade))
                .compositeIdentifier(over: "contact_moment_id", .string(link.column))
                .create()
        }
    }

    func revert(on database: Database) async throws {
        for link in Self.links { try await database.schema(link.table).delete() }
        try await database.schema("contact_moments").delete()
    }
}
