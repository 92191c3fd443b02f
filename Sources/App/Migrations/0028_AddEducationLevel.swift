import Fluent

/// The level of education and knowledge institutions (wo, hbo, mbo, research): the strategy asks
/// whether each growth cluster works with a university or university of applied sciences.
struct AddEducationLevel: AsyncMigration {
    var name: String { "0028_AddEducationLevel" }

    func prepare(on database: Database) async throws {
        try await database.schema("organisations").field("education_level", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("organisations").deleteField("education_level").update()
    }
}
