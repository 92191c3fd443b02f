import Analysis
import Fluent
import Foundation
import Vapor

/// Imports the data-contract files (register, national totals, population) all or nothing: a
/// file is written in one transaction, and a single bad row rolls all of it back. Every attempt,
/// accepted or rejected, is recorded as an import run with the file's hash.
struct Importer {
    let database: Database
    /// Who imports, for the audit trail.
    var actor: Audit.Actor = .commandLine

    struct Summary: Sendable {
        let kind: ImportRun.Kind
        let file: String
        let rows: Int
        let seconds: Double
        var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : Double(rows) }
    }

    /// Progress while writing: records written so far.
    typealias Progress = @Sendable (_ written: Int) -> Void

    /// Reading and writing overlap: one task reads the file in chunks while the transaction
    /// writes the chunk before. A bad row stops the writing, the reader goes on to collect every
    /// problem, and the transaction is rolled back, so nothing of a bad file stays.
    func importRegister(path: String, progress: Progress? = nil) async throws -> Summary {
        try await run(.register, path: path) { bytes, name in
            let reader = try RegisterCSV.Reader(bytes, file: name, rules: try await RegisterStore(database).rules())
            return { database in try await Self.write(reader, to: database, progress: progress) }
        }
    }

    private static func write(_ reader: RegisterCSV.Reader, to database: Database, progress: Progress?) async throws -> Int {
        let (chunks, output) = AsyncStream.makeStream(of: [RegisterRecord].self)
        let reading = Task {
            var reader = reader
            while !Task.isCancelled, case let chunk = reader.next(upTo: 50_000), !chunk.isEmpty { output.yield(chunk) }
            output.finish()
            return reader.rejection
        }
        defer { reading.cancel() }
        let store = RegisterStore(database)
        var written = 0
        for await chunk in chunks {
            try await store.upsert(chunk)
            written += chunk.count
            progress?(written)
        }
        if let rejection = await reading.value { throw rejection }
        return written
    }

    func importNational(path: String) async throws -> Summary {
        try await run(.national, path: path) { bytes, name in
            let rows = try NationalJobsCSV.read(bytes, file: name, years: RegisterCSV.Rules.defaultYears())
            return { database in
                let store = RegisterStore(database)
                try await store.upsertNationalJobs(rows.filter { $0.division == nil }.map { ($0.year, $0.section, $0.jobs, name) })
                try await store.upsertNationalDivisionJobs(rows.compactMap { row in row.division.map { (row.year, $0, row.jobs, name) } })
                return rows.count
            }
        }
    }

    /// Organisations for the relations register (see `OrganisationsCSV`); all are added as new.
    func importOrganisations(path: String) async throws -> Summary {
        try await run(.organisations, path: path) { bytes, name in
            let rows = try OrganisationsCSV.read(bytes, file: name, reference: try ReferenceData.shared.get(), users: try await UserDirectory.load(on: database))
            return { database in
                try await OrganisationsCSV.insert(rows, into: database)
                return rows.count
            }
        }
    }

    /// People for the relations register (see `PeopleCSV`), with a role where the row names an organisation.
    func importPeople(path: String) async throws -> Summary {
        try await run(.people, path: path) { bytes, name in
            var byKvk: [String: UUID] = [:]
            for organisation in try await Organisation.query(on: database).filter(\.$kvkNumber != nil).all() {
                if let kvk = organisation.kvkNumber, byKvk[kvk] == nil { byKvk[kvk] = organisation.id }
            }
            let rows = try PeopleCSV.read(bytes, file: name, organisationsByKvk: byKvk)
            let actor = self.actor
            return { database in
                let people = PersonService(database: database, actor: actor)
                for row in rows { try await people.create(row.person, roles: row.role.map { [$0] } ?? []) }
                return rows.count
            }
        }
    }

    func importPopulation(path: String) async throws -> Summary {
        try await run(.population, path: path) { bytes, name in
            let known = Set(try await RegisterStore(database).municipalityCodes())
            let rows = try PopulationCSV.read(bytes, file: name, municipalities: known, years: RegisterCSV.Rules.defaultYears())
            return { database in
                try await RegisterStore(database).upsertPopulation(rows.map { ($0.municipality, $0.year, $0.inhabitants, PopulationSource.imported) })
                return rows.count
            }
        }
    }

    /// The published totals of every municipality (see `MunicipalFiguresCSV`), for the Vergelijking page.
    func importMunicipalFigures(path: String) async throws -> Summary {
        try await run(.municipalFigures, path: path) { bytes, name in
            let known = Set(try await RegisterStore(database).municipalityCodes())
            let rows = try MunicipalFiguresCSV.read(bytes, file: name, municipalities: known, years: RegisterCSV.Rules.defaultYears())
            return { database in
                try await ComparisonStore(database).upsertMunicipalFigures(rows, source: name)
                return rows.count
            }
        }
    }

    /// Element scores of the entrepreneurial ecosystem per COROP region (see `EcosystemCSV`).
    func importEcosystem(path: String) async throws -> Summary {
        try await run(.ecosystem, path: path) { bytes, name in
            let rows = try EcosystemCSV.read(bytes, file: name, regions: try ReferenceData.shared.get().coropRegionsBySpelling,
                                             years: RegisterCSV.Rules.defaultYears())
            return { database in
                try await ComparisonStore(database).upsertEcosystemScores(rows, source: name)
                return rows.count
            }
        }
    }

    /// Reads the file, lets `prepare` check what it can up front and say how to write the file
    /// (returning the rows written), writes in one transaction, and records the run.
    private func run(
        _ kind: ImportRun.Kind, path: String,
        prepare: ([UInt8], String) async throws -> @Sendable (Database) async throws -> Int
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
            let write = try await prepare(bytes, name)
            let rows = try await database.transaction { try await write($0) }
            run.rows = rows
            run.outcome = .imported
            run.finishedAt = Date()
            try await save(run)
            return Summary(kind: kind, file: name, rows: rows, seconds: Date().timeIntervalSince(started))
        } catch let rejected as ImportRejected {
            run.outcome = .rejected
            run.errors = rejected.report()
            run.finishedAt = Date()
            try await save(run)
            throw rejected
        } catch {
            run.outcome = .failed
            run.errors = String(describing: error)
            run.finishedAt = Date()
            try? await save(run)
            throw error
        }
    }

    /// Keeps the run, and records it in the audit trail.
    private func save(_ run: ImportRun) async throws {
        try await run.save(on: database)
        try await run.recordInAudit(by: actor, on: database)
    }
}

extension ImportRun {
    /// An import in the audit trail: what was imported, how many rows, and how it ended.
    func recordInAudit(by actor: Audit.Actor, on database: Database) async throws {
        try await Audit.record(.create, .importRun, id: requireID().uuidString, changes: [
            .value("kind", old: nil, new: kind.rawValue), .value("file_name", old: nil, new: fileName),
            .value("rows", old: nil, new: String(rows)), .value("outcome", old: nil, new: outcome.rawValue),
        ], by: actor, on: database)
    }
}
