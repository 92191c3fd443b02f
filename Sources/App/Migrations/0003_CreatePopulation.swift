import Fluent

/// Inhabitants per municipality and year; starts with CBS's counts for 1 January 2019 and 2024.
struct CreatePopulation: AsyncMigration {
    var name: String { "0003_CreatePopulation" }

    func prepare(on database: Database) async throws {
        try await database.schema("population")
            .field("municipality_code", .string, .required, .references("municipalities", "code"))
            .field("year", .int, .required)
            .field("inhabitants", .int, .required)
            .field("source", .string, .required)
            .compositeIdentifier(over: "municipality_code", "year")
            .create()
        let reference = try ReferenceData.shared.get()
        var rows = reference.municipalities.map { ($0.code, 2024, $0.inhabitants2024, PopulationSource.cbs) }
        rows += reference.municipalities.compactMap { municipality in
            reference.population2019[municipality.code].map { (municipality.code, 2019, $0, PopulationSource.cbs) }
        }
        try await RegisterStore(database).upsertPopulation(rows)
    }

    func revert(on database: Database) async throws {
        try await database.schema("population").delete()
    }
}
