import Analysis
import Fluent
import Foundation
import Vapor

/// Imports the data-contract files (register, national totals, population) all-or-nothing:
/// every row is checked first, and only a file without problems is written, in one transaction.
/// Every attempt, accepted or rejected, is recorded as an import run with the file's hash.
struct Importer {
    let database: Database

    struct Summary: Sendable {
        let kind: ImportRun.Kind
        let file: String
        let rows: Int
        let seconds: Double
        var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : Double(rows) }
    }

    /// Progress while writing: records written so far and the total.
    typealias Progress = @Sendable (_ written: Int, _ total: Int) -> Void

    func importRegister(path: String, progress: Progress? = nil) async throws -> Summary {
        try await run(.register, path: path) { bytes, name in
            let records = try RegisterCSV.read(bytes, file: name, rules: try await RegisterStore(database).rules())
            return (records.count, { database in
                try await RegisterStore(database).upsert(records) { progress?($0, records.count) }
            })
        }
    }

    func importNational(path: String) async throws -> Summary {
        try await run(.national, path: path) { bytes, name in
            let rows = try NationalJobsCSV.read(bytes, file: name, years: RegisterCSV.Rules.defaultYears())
            return (rows.count, { database in
                try await RegisterStore(database).upsertNationalJobs(rows.map { ($0.year, $0.section, $0.jobs, name) })
            })
        }
    }

    func importPopulation(path: String) async throws -> Summary {
        try await run(.population, path: path) { bytes, name in
            let known = Set(try await RegisterStore(database).municipalityCodes())
            let rows = try PopulationCSV.read(bytes, file: name, municipalities: known, years: RegisterCSV.Rules.defaultYears())
            return (rows.count, { database in
                try await RegisterStore(database).upsertPopulation(rows.map { ($0.municipality, $0.year, $0.inhabitants, PopulationSource.imported) })
            })
        }
    }

    /// Reads the file, lets `prepare` check it and say how to write it, and records the run.
    private func run(
        _ kind: ImportRun.Kind, path: String,
        prepare: ([UInt8], String) async throws -> (rows: Int, write: @Sendable (Database) async throws -> Void)
    ) async throws -> Summary {
        let started = Date()
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ImportRejected(file: name, problems: [ImportProblem(line: 0, column: nil, reason: "the file cannot be read (\(path))")])
        }
        let run = ImportRun(kind: kind, fileName: name, sha256: SHA256.hash(data: bytes).hex, rows: 0, startedAt: started)
        do {
            let (rows, write) = try await prepare(bytes, name)
            try await database.transaction { try await write($0) }
            run.rows = rows
            run.outcome = .imported
            run.finishedAt = Date()
            try await run.save(on: database)
            return Summary(kind: kind, file: name, rows: rows, seconds: Date().timeIntervalSince(started))
        } catch let rejected as ImportRejected {
            run.outcome = .rejected
            run.errors = rejected.report()
            run.finishedAt = Date()
            try await run.save(on: database)
            throw rejected
        } catch {
            run.outcome = .failed
            run.errors = String(describing: error)
            run.finishedAt = Date()
            try? await run.save(on: database)
            throw error
        }
    }
}
