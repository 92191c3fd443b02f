import Fluent

/// When each user last logged in (shown on the users page).
struct AddUserLastLogin: AsyncMigration {
    var name: String { "0025_AddUserLastLogin" }

    func prepare(on database: Database) async throws {
        try await database.schema("users").field("last_login_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("users").deleteField("last_login_at").update()
    }
}
