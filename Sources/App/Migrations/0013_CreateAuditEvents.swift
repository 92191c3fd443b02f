import Fluent

/// The audit trail. `actor_id` has no foreign key on purpose: the trail outlives the accounts
/// it mentions, and an erased user must not take the record of what was done with it.
struct CreateAuditEvents: AsyncMigration {
    var name: String { "0013_CreateAuditEvents" }

    func prepare(on database: Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("channel", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("changes", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
