import Fluent
import SQLKit

/// The municipalities of 2024 with COROP area, province and (until 0024) Regio Zwolle membership (CBS).
struct CreateMunicipalities: AsyncMigration {
    var name: String { "0002_CreateMunicipalities" }

    func prepare(on database: Database) async throws {
        try await database.schema("municipalities")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("corop_code", .string, .required)
            .field("corop_name", .string, .required)
            .field("province_code", .string, .required)
            .field("province_name", .string, .required)
            .field("regio_zwolle", .bool, .required)
            .create()
        let municipalities = try ReferenceData.shared.get().municipalities
        try await (database as! any SQLDatabase).insertBatched(
            into: "municipalities",
            columns: ["code", "name", "corop_code", "corop_name", "province_code", "province_name", "regio_zwolle"],
            rows: municipalities.map {
                [.text($0.code), .text($0.name), .text($0.coropCode), .text($0.coropName), .text($0.provinceCode), .text($0.provinceName), .bool(AppConfig.Region.zwolle.members.contains($0.code))]
            })
    }

    func revert(on database: Database) async throws {
        try await database.schema("municipalities").delete()
    }
}
