import Analysis
import Fluent
import SQLKit

/// Reads and writes the published figures the monitor compares with: every municipality's totals
/// and the ecosystem's element scores.
struct ComparisonStore {
    let database: any SQLDatabase

    init(_ database: Database) {
        self.database = database as! any SQLDatabase
    }

    func upsertMunicipalFigures(_ rows: [MunicipalFiguresCSV.Row], source: String) async throws {
        try await database.insertBatched(
            into: "municipal_figures", columns: ["municipality_code", "year", "jobs", "establishments", "inhabitants", "source"],
            rows: rows.map { [.text($0.municipality), .integer($0.year), .integer($0.jobs), .integer($0.establishments), BulkValue($0.inhabitants), .text(source)] },
            upsertKey: ["municipality_code", "year"])
    }

    /// Every municipality's published figures by code and year; inhabitants from the file, or else
    /// from the population table (CBS's counts and imported ones) for that year.
    func municipalFigures() async throws -> [String: [Int: KeyFigures]] {
        let rows = try await database.select().columns("municipality_code", "year", "jobs", "establishments", "inhabitants").from("municipal_figures").all()
        guard !rows.isEmpty else { return [:] }
        var population: [String: Int] = [:]
        for row in try await database.select().columns("municipality_code", "year", "inhabitants").from("population").all() {
            population["\(try row.decode(column: "municipality_code", as: String.self))/\(try row.decode(column: "year", as: Int.self))"] = try row.decode(column: "inhabitants", as: Int.self)
        }
        var result: [String: [Int: KeyFigures]] = [:]
        for row in rows {
            let code = try row.decode(column: "municipality_code", as: String.self), year = try row.decode(column: "year", as: Int.self)
            result[code, default: [:]][year] = KeyFigures(
                year: year, jobs: try row.decode(column: "jobs", as: Int.self), establishments: try row.decode(column: "establishments", as: Int.self),
                inhabitants: try row.decode(column: "inhabitants", as: Int?.self) ?? population["\(code)/\(year)"])
        }
        return result
    }

    func upsertEcosystemScores(_ rows: [EcosystemCSV.Row], source: String) async throws {
        try await database.insertBatched(
            into: "ecosystem_scores", columns: ["region_code", "year", "element", "score", "source"],
            rows: rows.map { [.text($0.region), .integer($0.year), .text($0.element.rawValue), .double($0.score), .text(source)] },
            upsertKey: ["region_code", "year", "element"])
    }

    /// The element scores by year, then region code, then element.
    func ecosystemScores() async throws -> [Int: [String: [EcosystemIndex.Element.Name: Double]]] {
        var result: [Int: [String: [EcosystemIndex.Element.Name: Double]]] = [:]
        for row in try await database.select().columns("region_code", "year", "element", "score").from("ecosystem_scores").all() {
            guard let element = EcosystemIndex.Element.Name(rawValue: try row.decode(column: "element", as: String.self)) else { continue }
            result[try row.decode(column: "year", as: Int.self), default: [:]][try row.decode(column: "region_code", as: String.self), default: [:]][element]
                = try row.decode(column: "score", as: Double.self)
        }
        return result
    }
}
