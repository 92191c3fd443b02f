import Fluent

/// Jobs in the Netherlands per SBI section and year (CBS-style reference totals).
struct CreateNationalJobs: AsyncMigration {
    var name: String { "0006_CreateNationalJobs" }

    func prepare(on database: Database) async throws {
        try await database.schema("national_jobs")
            .field("year", .int, .required)
            .field("section", .string, .required)
            .field("jobs", .int, .required)
            .field("source", .string, .required)
            .compositeIdentifier(over: "year", "section")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("national_jobs").delete()
    }
}
