import Fluent

/// Facts about this installation, such as whether its data is the synthetic demo.
struct CreateSettings: AsyncMigration {
    var name: String { "0008_CreateSettings" }

    func prepare(on database: Database) async throws {
        try await database.schema("settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("settings").delete()
    }
}
