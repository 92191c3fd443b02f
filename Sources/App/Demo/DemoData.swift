import Analysis
import Fluent
import Foundation

/// Fills an empty database with the synthetic demo: the register of the 22 Regio Zwolle
/// municipalities 2009-2025, population for those years, and synthetic national totals.
/// A database that already holds a register is left exactly as it is.
struct DemoData {
    let database: Database

    enum Outcome: Equatable {
        case created(records: Int)
        case alreadyDemo
        /// The database holds a register that is not the demo; it is not touched.
        case hasOtherData
    }

    func seed() async throws -> Outcome {
        let store = RegisterStore(database)
        if try await Setting.isDemo(on: database) { return .alreadyDemo }
        if try await store.recordCount() > 0 { return .hasOtherData }

        let started = Date()
        let reference = try ReferenceData.shared.get()
        let regio = reference.members(of: .zwolle)
        let records = DemoRegister(
            municipalities: regio.map { DemoRegister.Municipality(code: $0.code, inhabitants: $0.inhabitants2024) },
            zwollePostcodeAreas: reference.postcodeAreas[DemoProfile.zwolle] ?? []
        ).records()
        let population = regio.flatMap { municipality in
            Self.interpolatedPopulation(inhabitants2019: reference.population2019[municipality.code], inhabitants2024: municipality.inhabitants2024)
                .map { (municipality: municipality.code, year: $0.year, inhabitants: $0.inhabitants, source: $0.source) }
        }
        let national = DemoProfile.nationalJobs2020.flatMap { section, value in
            DemoRegister.years.map { year in
                (year: year, section: section, jobs: Int((Double(value.jobs) * pow(1 + value.growth, Double(year - 2020))).rounded()),
                 source: DemoProfile.nationalSource)
            }
        }
        // Each section's synthetic national jobs spread over its divisions by their number of
        // SBI leaf codes, as the synthetic national register picks a code at random within a section.
        let leaves = Dictionary(grouping: reference.leafCodes, by: { String($0.digits.prefix(2)) }).mapValues(\.count)
        let nationalDivisions = national.flatMap { row in
            let divisions = leaves.filter { Int($0.key).flatMap(SBI.section(ofDivision:)) == row.section }
            let total = divisions.values.reduce(0, +)
            return divisions.map { division, count in
                (year: row.year, division: division, jobs: total == 0 ? 0 : Int((Double(row.jobs) * Double(count) / Double(total)).rounded()), source: row.source)
            }
        }
        try await database.transaction { database in
            let store = RegisterStore(database)
            try await store.upsert(records)
            try await store.upsertPopulation(population)
            try await store.upsertNationalJobs(national)
            try await store.upsertNationalDivisionJobs(nationalDivisions)
            try await Setting(.dataset, "demo").create(on: database)
            let run = ImportRun(kind: .demo, fileName: "demo: synthetisch register Regio Zwolle \(DemoRegister.years.lowerBound)-\(DemoRegister.years.upperBound)",
                                sha256: "-", rows: records.count, startedAt: started)
            run.outcome = .imported
            run.finishedAt = Date()
            try await run.create(on: database)
            try await run.recordInAudit(by: .system, on: database)
        }
        // The synthetic published totals of all municipalities and ecosystem scores, imported as a user would.
        let importer = Importer(database: database, actor: .system)
        _ = try await importer.importMunicipalFigures(path: try Self.file("gemeentecijfers-synthetisch"))
        _ = try await importer.importEcosystem(path: try Self.file("ecosysteem-synthetisch"))
        return .created(records: records.count)
    }

    /// The path of a synthetic CSV file the demo ships (Resources/Demo, made by scripts/make-demo-comparisons.py).
    static func file(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Demo") else { throw ReferenceDataError.missing("\(name).csv") }
        return url.path
    }

    /// Inhabitants for every demo year on the straight line through CBS's counts of 2019 and 2024;
    /// those two years keep the CBS count itself.
    static func interpolatedPopulation(inhabitants2019: Int?, inhabitants2024: Int) -> [(year: Int, inhabitants: Int, source: String)] {
        guard let inhabitants2019 else { return [] }
        let perYear = Double(inhabitants2024 - inhabitants2019) / 5
        return DemoRegister.years.compactMap { year in
            if year == 2019 || year == 2024 { return nil }
            return (year, Int((Double(inhabitants2019) + perYear * Double(year - 2019)).rounded()), PopulationSource.interpolated)
        }
    }
}
