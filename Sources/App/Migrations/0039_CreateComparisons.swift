import Fluent

/// Published figures to compare with: the totals of every municipality (jobs, establishments,
/// inhabitants) per year, and the entrepreneurial ecosystem's element scores per COROP region and year.
struct CreateComparisons: AsyncMigration {
    var name: String { "0039_CreateComparisons" }

    func prepare(on database: Database) async throws {
        try await database.schema("municipal_figures")
            .field("municipality_code", .string, .required, .references("municipalities", "code"))
            .field("year", .int, .required)
            .field("jobs", .int, .required)
            .field("establishments", .int, .required)
            .field("inhabitants", .int)
            .field("source", .string, .required)
            .compositeIdentifier(over: "municipality_code", "year")
            .create()
        try await database.schema("ecosystem_scores")
            .field("region_code", .string, .required)
            .field("year", .int, .required)
            .field("element", .string, .required)
            .field("score", .double, .required)
            .field("source", .string, .required)
            .compositeIdentifier(over: "region_code", "year", "element")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("ecosystem_scores").delete()
        try await database.schema("municipal_figures").delete()
    }
}
