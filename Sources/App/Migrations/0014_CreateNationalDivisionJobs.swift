import Fluent

/// Jobs in the Netherlands per SBI division (two digits) and year, for location quotients per
/// division; optional rows of the national file (column `sbi_afdeling`).
struct CreateNationalDivisionJobs: AsyncMigration {
    var name: String { "0014_CreateNationalDivisionJobs" }

    func prepare(on database: Database) async throws {
        try await database.schema("national_division_jobs")
            .field("year", .int, .required)
            .field("division", .string, .required)
            .field("jobs", .int, .required)
            .field("source", .string, .required)
            .compositeIdentifier(over: "year", "division")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("national_division_jobs").delete()
    }
}
