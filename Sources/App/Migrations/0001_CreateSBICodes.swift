import Fluent
import SQLKit

/// SBI 2008 (update 2019), loaded from the shipped CBS file.
struct CreateSBICodes: AsyncMigration {
    var name: String { "0001_CreateSBICodes" }

    func prepare(on database: Database) async throws {
        try await database.schema("sbi_codes")
            .field("code", .string, .identifier(auto: false))
            .field("digits", .string, .required)
            .field("level", .string, .required)
            .field("section", .string, .required)
            .field("parent", .string)
            .field("label_nl", .string, .required)
            .field("label_en", .string, .required)
            .unique(on: "digits")
            .create()
        let codes = try ReferenceData.shared.get().sbiCodes
        try await (database as! any SQLDatabase).insertBatched(
            into: "sbi_codes", columns: ["code", "digits", "level", "section", "parent", "label_nl", "label_en"],
            rows: codes.map { [.text($0.code), .text($0.digits), .text($0.level), .text($0.section), BulkValue($0.parent), .text($0.labelNL), .text($0.labelEN)] })
    }

    func revert(on database: Database) async throws {
        try await database.schema("sbi_codes").delete()
    }
}
