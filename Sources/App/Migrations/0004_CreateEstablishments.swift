import Fluent
import SQLKit

/// One row per establishment, with the KvK number and name of its latest year in the register;
/// the yearly figures are in register_records.
struct CreateEstablishments: AsyncMigration {
    var name: String { "0004_CreateEstablishments" }

    func prepare(on database: Database) async throws {
        try await database.schema("establishments")
            .field("establishment_number", .string, .identifier(auto: false))
            .field("kvk_number", .string, .required)
            .field("name", .string, .required)
            .field("founded_year", .int)
            .field("latest_year", .int, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "establishments_kvk_number")
            .on("establishments").column("kvk_number").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("establishments").delete()
    }
}
