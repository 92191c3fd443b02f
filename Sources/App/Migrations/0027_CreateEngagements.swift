import Fluent

/// Engagements with the clusters: who took part in what, when.
struct CreateEngagements: AsyncMigration {
    var name: String { "0027_CreateEngagements" }

    func prepare(on database: Database) async throws {
        try await database.schema("engagements")
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("notes", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        for (table, column, target) in [("engagement_clusters", "cluster_id", "clusters"), ("engagement_organisations", "organisation_id", "organisations"),
                                        ("engagement_people", "person_id", "people")] {
            try await database.schema(table)
                .field("engagement_id", .uuid, .required, .references("engagements", "id", onDelete: .cascade))
                .field(.string(column), .uuid, .required, .references(target, "id", onDelete: .cascade))
                .compositeIdentifier(over: "engagement_id", .string(column))
                .create()
        }
    }

    func revert(on database: Database) async throws {
        for table in ["engagement_people", "engagement_organisations", "engagement_clusters", "engagements"] {
            try await database.schema(table).delete()
        }
    }
}
