import Fluent
import SQLKit

/// The register: one row per establishment per year, as in the Register CSV contract.
struct CreateRegisterRecords: AsyncMigration {
    var name: String { "0005_CreateRegisterRecords" }

    func prepare(on database: Database) async throws {
        try await database.schema("register_records")
            .field("establishment_number", .string, .required, .references("establishments", "establishment_number"))
            .field("year", .int, .required)
            .field("kvk_number", .string, .required)
            .field("name", .string, .required)
            .field("sbi", .string, .required, .references("sbi_codes", "code"))
            .field("postcode", .string, .required)
            .field("municipality_code", .string, .required, .references("municipalities", "code"))
            .field("jobs_full_time", .int, .required)
            .field("jobs_part_time", .int, .required)
            .field("founded_year", .int)
            .field("x", .double)
            .field("y", .double)
            .compositeIdentifier(over: "establishment_number", "year")
            .create()
        try await (database as! any SQLDatabase).create(index: "register_records_municipality_year")
            .on("register_records").column("municipality_code").column("year").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("register_records").delete()
    }
}
