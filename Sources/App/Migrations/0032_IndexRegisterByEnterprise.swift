import Fluent
import SQLKit

/// The register by enterprise: the names of a cluster's employers, an organisation's history and
/// an enterprise's page look records up by KvK number, which otherwise reads the whole table.
struct IndexRegisterByEnterprise: AsyncMigration {
    var name: String { "0032_IndexRegisterByEnterprise" }

    func prepare(on database: Database) async throws {
        try await (database as! any SQLDatabase).create(index: "register_records_kvk_year")
            .on("register_records").column("kvk_number").column("year").run()
    }

    func revert(on database: Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "register_records_kvk_year").run()
    }
}
