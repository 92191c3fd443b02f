import Fluent

struct CreateLoginFailures: AsyncMigration {
    var name: String { "0012_CreateLoginFailures" }

    func prepare(on database: Database) async throws {
        try await database.schema("login_failures")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
