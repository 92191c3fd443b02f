import Fluent
import SQLKit

/// The register: one row per establishment per year, as in the Register CSV contract.
///
/// Deliberately without foreign keys to establishments, sbi_codes and municipalities: rows are
/// written only by the importer and the demo, which check every code against those tables first
/// (RegisterCSV.Rules). On PostgreSQL the per-row foreign-key triggers, which lock the parent row,
/// took 26 of 29 seconds to insert a million rows.
struct CreateRegisterRecords: AsyncMigration {
    var name: String { "0005_CreateRegisterRecords" }

    func prepare(on database: Database) async throws {
        try await database.schema("register_records")
            .field("establishment_number", .string, .required)
            .field("year", .int, .required)
            .field("kvk_number", .string, .required)
            .field("name", .string, .required)
            .field("sbi", .string, .required)
            .field("postcode", .string, .required)
            .field("municipality_code", .string, .required)
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
