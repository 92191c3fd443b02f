import Fluent

/// API tokens get an optional expiry and the time they were last used.
struct AddAPITokenExpiry: AsyncMigration {
    var name: String { "0023_AddAPITokenExpiry" }

    func prepare(on database: Database) async throws {
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
        try await database.schema("api_tokens").field("last_used_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("api_tokens").deleteField("last_used_at").update()
        try await database.schema("api_tokens").deleteField("expires_at").update()
    }
}
