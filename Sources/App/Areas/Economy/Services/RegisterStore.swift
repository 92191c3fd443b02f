import Analysis
import Fluent
import PostgresKit
import SQLKit

/// Reads and writes the register and its reference totals in bulk, through SQL rather than one
/// ORM object per row.
struct RegisterStore {
    let database: any SQLDatabase

    init(_ database: Database) {
        self.database = database as! any SQLDatabase
    }

    static let recordColumns = [
        "establishment_number", "year", "kvk_number", "name", "sbi", "postcode", "municipality_code",
        "jobs_full_time", "jobs_part_time", "founded_year", "x", "y",
    ]

    /// What register rows are checked against: the SBI codes and municipalities in the database.
    func rules() async throws -> RegisterCSV.Rules {
        let codes = try await database.select().columns("code", "digits").from("sbi_codes").all()
        var sbi: [String: String] = [:]
        for row in codes { sbi[try row.decode(column: "digits", as: String.self)] = try row.decode(column: "code", as: String.self) }
        return RegisterCSV.Rules(sbiCodes: sbi, municipalities: Set(try await municipalityCodes()), years: RegisterCSV.Rules.defaultYears())
    }

    func municipalityCodes() async throws -> [String] {
        try await database.select().column("code").from("municipalities").all(decodingColumn: "code", as: String.self)
    }

    /// Inserts or replaces records by (establishment number, year), and keeps each establishment's
    /// KvK number and name at those of its latest year. Call inside a transaction.
    func upsert(_ records: [RegisterRecord]) async throws {
        var latest: [String: RegisterRecord] = [:]
        for record in records where record.year >= latest[record.establishmentNumber]?.year ?? .min {
            latest[record.establishmentNumber] = record
        }
        // An older file must not overwrite what a newer year says about the establishment.
        try await database.insertBatched(
            into: "establishments", columns: ["establishment_number", "kvk_number", "name", "founded_year", "latest_year"],
            rows: latest.values.map { [.text($0.establishmentNumber), .text($0.kvkNumber), .text($0.name), BulkValue($0.foundedYear), .integer($0.year)] },
            upsertKey: ["establishment_number"],
            replaceWhen: SQLBinaryExpression(SQLColumn("latest_year", table: "establishments"), .lessThanOrEqual, SQLExcludedColumn("latest_year")))
        try await database.insertBatched(
            into: "register_records", columns: Self.recordColumns,
            rows: records.map { record in
                [.text(record.establishmentNumber), .integer(record.year), .text(record.kvkNumber), .text(record.name),
                 .text(record.sbi), .text(record.postcode), .text(record.municipality), .integer(record.jobsFullTime),
                 .integer(record.jobsPartTime), BulkValue(record.foundedYear), BulkValue(record.x), BulkValue(record.y)]
            },
            upsertKey: ["establishment_number", "year"])
    }

    /// The records of some municipalities (all when nil) and years, sorted by establishment and year.
    func records(municipalities: [String]? = nil, years: ClosedRange<Int>? = nil) async throws -> [RegisterRecord] {
        var query = database.select().columns(Self.recordColumns.map { SQLColumn($0) }).from("register_records")
        if let municipalities { query = query.where("municipality_code", .in, municipalities) }
        if let years {
            query = query.where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
        }
        return try decodeRecords(try await query.orderBy("establishment_number").orderBy("year").all())
    }

    private func decodeRecords(_ rows: [any SQLRow]) throws -> [RegisterRecord] {
        try rows.map { row in
            RegisterRecord(
                establishmentNumber: try row.decode(column: "establishment_number", as: String.self),
                kvkNumber: try row.decode(column: "kvk_number", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                sbi: try row.decode(column: "sbi", as: String.self),
                postcode: try row.decode(column: "postcode", as: String.self),
                municipality: try row.decode(column: "municipality_code", as: String.self),
                year: try row.decode(column: "year", as: Int.self),
                jobsFullTime: try row.decode(column: "jobs_full_time", as: Int.self),
                jobsPartTime: try row.decode(column: "jobs_part_time", as: Int.self),
                foundedYear: try row.decode(column: "founded_year", as: Int?.self),
                x: try row.decode(column: "x", as: Double?.self),
                y: try row.decode(column: "y", as: Double?.self))
        }
    }

    /// The register rows of an enterprise (KvK number) and of some establishments, all years.
    func records(kvk: String?, establishments: [String]) async throws -> [RegisterRecord] {
        try await records(kvks: kvk.map { [$0] } ?? [], establishments: establishments)
    }

    /// The register rows of several enterprises and establishments, all years (in batches, so a
    /// whole list of organisations stays within the databases' limits on parameters).
    func records(kvks: [String], establishments: [String]) async throws -> [RegisterRecord] {
        let batch = 500
        var records: [RegisterRecord] = []
        for (column, values) in [("kvk_number", Array(Set(kvks)).sorted()), ("establishment_number", Array(Set(establishments)).sorted())] {
            for start in stride(from: 0, to: values.count, by: batch) {
                let rows = try await database.select().columns(Self.recordColumns.map { SQLColumn($0) }).from("register_records")
                    .where(SQLColumn(column), .in, SQLBind.group(Array(values[start..<min(start + batch, values.count)]))).all()
                records += try decodeRecords(rows)
            }
        }
        // A row found by its KvK number and by its establishment number counts once.
        var seen = Set<String>()
        return records.filter { seen.insert("\($0.year) \($0.establishmentNumber)").inserted }
            .sorted { ($0.year, $0.establishmentNumber) < ($1.year, $1.establishmentNumber) }
    }

    /// The register of some municipalities and years as a columnar panel for `Analysis`.
    func panel(municipalities: [String], years: [Int]) async throws -> RegisterPanel {
        // An empty register (PostgreSQL refuses `IN ()`).
        guard !municipalities.isEmpty, !years.isEmpty else { return RegisterPanel() }
        if let postgres = database as? any PostgresDatabase {
            return try await postgresPanel(postgres, municipalities: municipalities, years: years)
        }
        let rows = try await database.select()
            .columns("establishment_number", "kvk_number", "year", "jobs_full_time", "jobs_part_time", "sbi", "municipality_code", "founded_year", "postcode")
            .from("register_records")
            .where("municipality_code", .in, municipalities)
            .where("year", .in, years)
            .all()
        var panel = RegisterPanel()
        panel.reserveCapacity(rows.count)
        for row in rows {
            panel.append(
                establishment: Int64(try row.decode(column: "establishment_number", as: String.self)) ?? 0,
                enterprise: Int64(try row.decode(column: "kvk_number", as: String.self)) ?? 0,
                year: try row.decode(column: "year", as: Int.self),
                jobsFullTime: try row.decode(column: "jobs_full_time", as: Int.self),
                jobsPartTime: try row.decode(column: "jobs_part_time", as: Int.self),
                sbi: try row.decode(column: "sbi", as: String.self),
                municipality: try row.decode(column: "municipality_code", as: String.self),
                founded: try row.decode(column: "founded_year", as: Int?.self),
                postcode: RegisterPanel.postcodeNumber(try row.decode(column: "postcode", as: String.self)))
        }
        return panel
    }

    /// The panel read on PostgreSQL: each municipality-year as one text of comma-separated lines,
    /// parsed here. Decoding a million rows cell by cell costs far more than the bytes themselves
    /// (every field of the register is digits or a code, so a comma cannot occur inside one).
    private func postgresPanel(_ postgres: any PostgresDatabase, municipalities: [String], years: [Int]) async throws -> RegisterPanel {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(municipalities)
        bindings.append(years)
        let query = PostgresQuery(unsafeSQL: """
            SELECT string_agg(concat_ws(',', establishment_number, kvk_number, year, jobs_full_time, jobs_part_time, sbi,
                                        municipality_code, coalesce(founded_year::text, ''), postcode), E'\n')
            FROM register_records WHERE municipality_code = ANY($1) AND year = ANY($2) GROUP BY municipality_code, year
            """, binds: bindings)
        let logger = postgres.logger
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var panel = RegisterPanel()
                for try await text in try await connection.query(query, logger: logger).decode(String.self) {
                    var text = text
                    text.withUTF8 { bytes in
                        for line in bytes.split(separator: 0x0A) {
                            let fields = line.split(separator: 0x2C, omittingEmptySubsequences: false)
                            guard fields.count == 9 else { continue }
                            panel.append(establishment: Self.integer(fields[0]), enterprise: Self.integer(fields[1]), year: Int(Self.integer(fields[2])),
                                         jobsFullTime: Int(Self.integer(fields[3])), jobsPartTime: Int(Self.integer(fields[4])),
                                         sbi: String(decoding: fields[5], as: UTF8.self), municipality: String(decoding: fields[6], as: UTF8.self),
                                         founded: fields[7].isEmpty ? nil : Int(Self.integer(fields[7])),
                                         postcode: RegisterPanel.postcodeNumber(String(decoding: fields[8], as: UTF8.self)))
                        }
                    }
                }
                return panel
            }
        }.get()
    }

    /// The digits of a field as a number (0 when there are none, as for a number the panel cannot read).
    private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int64 {
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return 0 }
            value = value &* 10 &+ Int64(byte - 0x30)
        }
        return value
    }

    /// The latest year with register records for a municipality (an index lookup, not a scan).
    /// Jobs per four-digit postcode area of a municipality in a year (records without a postcode left out).
    func jobsByPostcodeArea(municipality: String, year: Int) async throws -> [String: Int] {
        let rows = try await database.raw("""
            SELECT substr(postcode, 1, 4) AS pc4, CAST(SUM(jobs_full_time + jobs_part_time) AS BIGINT) AS jobs FROM register_records
            WHERE municipality_code = \(bind: municipality) AND year = \(bind: year) AND postcode <> '' GROUP BY substr(postcode, 1, 4)
            """).all()
        var jobs: [String: Int] = [:]
        for row in rows { jobs[try row.decode(column: "pc4", as: String.self)] = try row.decode(column: "jobs", as: Int.self) }
        return jobs
    }

    /// The municipalities with at least one record.
    func municipalitiesWithRecords() async throws -> [String] {
        try await database.select().distinct().column("municipality_code").from("register_records")
            .all(decodingColumn: "municipality_code", as: String.self)
    }

    /// The years with records in any of the municipalities, ascending.
    func years(municipalities: [String]) async throws -> [Int] {
        guard !municipalities.isEmpty else { return [] }
        return try await database.select().distinct().column("year").from("register_records")
            .where("municipality_code", .in, municipalities).orderBy("year").all(decodingColumn: "year", as: Int.self)
    }

    func latestYear(municipality: String) async throws -> Int? {
        try await database.select().column(SQLFunction("MAX", args: SQLColumn("year")), as: "latest").from("register_records")
            .where("municipality_code", .equal, municipality)
            .first(decodingColumn: "latest", as: Int?.self) ?? nil
    }

    func hasRecords(municipality: String, year: Int) async throws -> Bool {
        try await database.select().column(SQLLiteral.numeric("1"), as: "found").from("register_records")
            .where("municipality_code", .equal, municipality).where("year", .equal, year).limit(1)
            .first() != nil
    }

    func recordCount() async throws -> Int {
        try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("register_records")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Inhabitants of a municipality on 1 January of a year, with the source, if known.
    /// The inhabitants of several municipalities together in a year, in one query; nil when the
    /// count of any of them is missing (a partial sum would understate the area).
    func population(municipalities: [String], year: Int) async throws -> Int? {
        let counts = try await database.select().column("inhabitants").from("population")
            .where("municipality_code", .in, municipalities).where("year", .equal, year).all(decodingColumn: "inhabitants", as: Int.self)
        return counts.count == Set(municipalities).count ? counts.reduce(0, +) : nil
    }

    func population(municipality: String, year: Int) async throws -> (inhabitants: Int, source: String)? {
        guard let row = try await database.select().columns("inhabitants", "source").from("population")
            .where("municipality_code", .equal, municipality).where("year", .equal, year).first()
        else { return nil }
        return (try row.decode(column: "inhabitants", as: Int.self), try row.decode(column: "source", as: String.self))
    }

    func upsertPopulation(_ rows: [(municipality: String, year: Int, inhabitants: Int, source: String)]) async throws {
        try await database.insertBatched(
            into: "population", columns: ["municipality_code", "year", "inhabitants", "source"],
            rows: rows.map { [.text($0.municipality), .integer($0.year), .integer($0.inhabitants), .text($0.source)] },
            upsertKey: ["municipality_code", "year"])
    }

    /// Jobs in the Netherlands per SBI section in a year (empty when not loaded), and their source.
    func nationalJobs(year: Int) async throws -> (jobs: [String: Int], source: String?) {
        let rows = try await database.select().columns("section", "jobs", "source").from("national_jobs").where("year", .equal, year).all()
        var jobs: [String: Int] = [:]
        for row in rows { jobs[try row.decode(column: "section", as: String.self)] = try row.decode(column: "jobs", as: Int.self) }
        return (jobs, try rows.first?.decode(column: "source", as: String.self))
    }

    /// Jobs in the Netherlands per division (two digits) in a year; empty when none were imported.
    func nationalDivisionJobs(year: Int) async throws -> [String: Int] {
        let rows = try await database.select().columns("division", "jobs").from("national_division_jobs").where("year", .equal, year).all()
        var jobs: [String: Int] = [:]
        for row in rows { jobs[try row.decode(column: "division", as: String.self)] = try row.decode(column: "jobs", as: Int.self) }
        return jobs
    }

    func upsertNationalDivisionJobs(_ rows: [(year: Int, division: String, jobs: Int, source: String)]) async throws {
        try await database.insertBatched(
            into: "national_division_jobs", columns: ["year", "division", "jobs", "source"],
            rows: rows.map { [.integer($0.year), .text($0.division), .integer($0.jobs), .text($0.source)] }, upsertKey: ["year", "division"])
    }

    func upsertNationalJobs(_ rows: [(year: Int, section: String, jobs: Int, source: String)]) async throws {
        try await database.insertBatched(
            into: "national_jobs", columns: ["year", "section", "jobs", "source"],
            rows: rows.map { [.integer($0.year), .text($0.section), .integer($0.jobs), .text($0.source)] }, upsertKey: ["year", "section"])
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
