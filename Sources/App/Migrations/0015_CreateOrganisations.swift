import Fluent
import SQLKit

/// Organisations of the relations register (CRM) and the register establishments they link to.
struct CreateOrganisations: AsyncMigration {
    var name: String { "0015_CreateOrganisations" }

    func prepare(on database: Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("kvk_number", .string)
            .field("sbi", .string)
            .field("address", .string)
            .field("postcode", .string)
            .field("municipality_code", .string)
            .field("website", .string)
            .field("account_manager_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("tags", .string, .required)
            .field("notes", .string)
            .field("origin_municipality_code", .string)
            .field("arrived_on", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("organisation_establishments")
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("establishment_number", .string, .required)
            .compositeIdentifier(over: "organisation_id", "establishment_number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_kvk").on("organisations").column("kvk_number").run()
        try await sql.create(index: "organisations_postcode").on("organisations").column("postcode").run()
        try await sql.create(index: "organisation_establishments_number").on("organisation_establishments").column("establishment_number").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("organisation_establishments").delete()
        try await database.schema("organisations").delete()
    }
}
