import Fluent

/// The attraction pipeline: companies from outside the region and, for confidential ones, their team.
struct CreateAcquisitions: AsyncMigration {
    var name: String { "0022_CreateAcquisitions" }

    func prepare(on database: Database) async throws {
        try await database.schema("acquisitions")
            .id()
            .field("company_name", .string, .required)
            .field("codename", .string)
            .field("origin_municipality_code", .string)
            .field("cluster", .string)
            .field("stage", .string, .required)
            .field("expected_jobs", .int)
            .field("expected_investment", .int)
            .field("decision_on", .string)
            .field("notes", .string)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("acquisition_team")
            .field("acquisition_id", .uuid, .required, .references("acquisitions", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .compositeIdentifier(over: "acquisition_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("acquisition_team").delete()
        try await database.schema("acquisitions").delete()
    }
}
