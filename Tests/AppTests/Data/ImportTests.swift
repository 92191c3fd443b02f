@testable import App
import Analysis
import Fluent
import SQLKit
import Testing
import Vapor

struct ImportTests {
    static let header = "vestigingsnummer,kvk_nummer,naam,sbi,postcode,gemeente,jaar,banen_voltijd,banen_deeltijd,oprichtingsjaar"
    static let good = [
        header,
        "000012345678,12345678,\"Software, BV\",6201,8011 AB,GM0193,2019,10,2,2015",
        "000012345678,12345678,Software Zwolle BV,62.01,8011AB,GM0193,2020,12,2,2015",
        "000012345679,12345679,Zorg Kampen,86.10.2,,0166,2020,300,120,1990",
    ].joined(separator: "\n")

    @Test func aGoodRegisterIsImported() async throws {
        try await withTestApp { app in
            let summary = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.good))
            #expect(summary.rows == 3)
            #expect(try await app.count("register_records") == 3)
            #expect(try await app.count("establishments") == 2)
            let name = try await app.sql.select().column("name").from("establishments")
                .where("establishment_number", .equal, "000012345678").first(decodingColumn: "name", as: String.self)
            #expect(name == "Software Zwolle BV")
            let run = try await ImportRun.query(on: app.db).first()
            #expect(run?.outcome == .imported)
            #expect(run?.rows == 3)
            #expect(run?.sha256.count == 64)
        }
    }

    @Test func reimportingReplacesRowsInsteadOfDuplicatingThem() async throws {
        try await withTestApp { app in
            let importer = Importer(database: app.db)
            _ = try await importer.importRegister(path: try temporaryFile(Self.good))
            let changed = [Self.header, "000012345679,12345679,Zorg Kampen,86.10.2,,GM0166,2020,310,120,1990"].joined(separator: "\n")
            _ = try await importer.importRegister(path: try temporaryFile(changed))
            #expect(try await app.count("register_records") == 3)
            let records = try await RegisterStore(app.db).records(municipalities: ["GM0166"])
            #expect(records.map(\.jobsFullTime) == [310])
        }
    }

    @Test func aFileWithABadRowWritesNothingAndSaysWhereEveryProblemIs() async throws {
        try await withTestApp { app in
            let importer = Importer(database: app.db)
            _ = try await importer.importRegister(path: try temporaryFile(Self.good))
            let before = try await exported(app)
            let bad = [
                Self.header,
                "000012345678,12345678,Software Zwolle BV,62.01,8011AB,GM0193,2021,15,2,2015",
                "000012345680,12345680,Nieuw,9999,8011AB,GM0193,2021,1,0,2020",
                "000012345681,1234568,Nieuw 2,62.01,8011AB,GM0193,2021,1,0,2020",
            ].joined(separator: "\n")
            do {
                _ = try await importer.importRegister(path: try temporaryFile(bad, name: "bad.csv"))
                Issue.record("a file with bad rows was accepted")
            } catch let rejected as ImportRejected {
                #expect(rejected.problems.map(\.line) == [3, 4])
                #expect(rejected.report().contains("bad.csv, line 3, column sbi: '9999' is not an SBI 2008 code"))
                #expect(rejected.report().contains("bad.csv, line 4, column kvk_nummer"))
            }
            #expect(try await exported(app) == before)
            let rejectedRun = try await ImportRun.query(on: app.db).filter(\.$outcome == .rejected).first()
            #expect(rejectedRun?.fileName == "bad.csv")
            #expect(rejectedRun?.errors?.contains("line 3") == true)
        }
    }

    /// One bad row of each kind: the file is refused with the row's line and column, and the
    /// register is exactly as it was.
    @Test(arguments: [
        ("00001234567,12345680,A,6201,8011AB,GM0193,2021,1,0,2000", "vestigingsnummer"),
        ("000012345680,1234568,A,6201,8011AB,GM0193,2021,1,0,2000", "kvk_nummer"),
        ("000012345680,12345680,,6201,8011AB,GM0193,2021,1,0,2000", "naam"),
        ("000012345680,12345680,A,9999,8011AB,GM0193,2021,1,0,2000", "sbi"),
        ("000012345680,12345680,A,6201,80AB,GM0193,2021,1,0,2000", "postcode"),
        ("000012345680,12345680,A,6201,8011AB,GM9999,2021,1,0,2000", "gemeente"),
        ("000012345680,12345680,A,6201,8011AB,GM0193,1900,1,0,2000", "jaar"),
        ("000012345680,12345680,A,6201,8011AB,GM0193,2021,-3,0,2000", "banen_voltijd"),
        ("000012345680,12345680,A,6201,8011AB,GM0193,2021,1,,2000", "banen_deeltijd"),
        ("000012345680,12345680,A,6201,8011AB,GM0193,2021,1,0,2022", "oprichtingsjaar"),
        ("000012345690,12345690,Goed,6201,8011AB,GM0193,2021,5,0,2010", "vestigingsnummer"),
    ])
    func eachKindOfBadRowIsRefusedAndChangesNothing(badLine: String, column: String) async throws {
        try await withTestApp { app in
            let importer = Importer(database: app.db)
            _ = try await importer.importRegister(path: try temporaryFile(Self.good))
            let before = try await exported(app)
            let establishments = try await app.count("establishments")
            let file = [Self.header, "000012345690,12345690,Goed,6201,8011AB,GM0193,2021,4,0,2010", badLine].joined(separator: "\n")
            do {
                _ = try await importer.importRegister(path: try temporaryFile(file, name: "bad.csv"))
                Issue.record("accepted a bad row")
            } catch let rejected as ImportRejected {
                #expect(rejected.problems.map(\.line) == [3])
                #expect(rejected.problems.first?.column == column)
                #expect(rejected.report().contains("bad.csv, line 3, column \(column): "))
            }
            #expect(try await exported(app) == before)
            #expect(try await app.count("establishments") == establishments)
        }
    }

    @Test func exportImportExportGivesTheSameBytes() async throws {
        var first = ""
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.good))
            first = try await exported(app)
        }
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(first))
            #expect(try await exported(app) == first)
        }
        #expect(first.hasPrefix(Self.header + "\n000012345678,12345678,\"Software, BV\",62.01,8011AB,GM0193,2019,10,2,2015\n"))
    }

    @Test func exportSelectsAreaAndYears() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.good))
            let zwolle = try await ExportCommand.municipalities(for: "0193", region: .zwolle, on: app.db)
            let records = try await RegisterStore(app.db).records(municipalities: zwolle, years: 2020...2020)
            #expect(records.map(\.name) == ["Software Zwolle BV"])
            let regio = try await ExportCommand.municipalities(for: "regio-zwolle", region: .zwolle, on: app.db)
            #expect(regio?.count == 22)
            await #expect(throws: CLIError.self) { try await ExportCommand.municipalities(for: "Zwolle", region: .zwolle, on: app.db) }
        }
    }

    @Test func nationalTotalsAndPopulationAreImported() async throws {
        try await withTestApp { app in
            let importer = Importer(database: app.db)
            _ = try await importer.importNational(path: try temporaryFile("jaar;sbi_sectie;banen\n2020;A;200000\n2020;q;1300000\n"))
            #expect(try await app.count("national_jobs") == 2)
            _ = try await importer.importPopulation(path: try temporaryFile("gemeente,jaar,inwoners\n0193,2020,129840\n"))
            #expect(try await RegisterStore(app.db).population(municipality: "GM0193", year: 2020)?.inhabitants == 129_840)
        }
    }

    @Test(arguments: [
        ("national", "jaar,sbi_sectie,banen\n2020,Z,5\n", "line 2, column sbi_sectie"),
        ("national", "jaar,sbi_sectie,banen\n2020,A,5\n2020,A,6\n", "line 3, column sbi_sectie: section A in 2020 already has a row on line 2"),
        ("national", "jaar,banen\n2020,5\n", "line 1, column sbi_sectie: required column is missing"),
        ("population", "gemeente,jaar,inwoners\nGM9999,2020,5\n", "line 2, column gemeente"),
        ("population", "gemeente,jaar,inwoners\nGM0193,2020,veel\n", "line 2, column inwoners"),
    ])
    func badReferenceFilesAreRejectedWithTheirLine(kind: String, text: String, expected: String) async throws {
        try await withTestApp { app in
            let importer = Importer(database: app.db)
            let populationBefore = try await app.count("population")
            let path = try temporaryFile(text)
            do {
                _ = kind == "national" ? try await importer.importNational(path: path) : try await importer.importPopulation(path: path)
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                #expect(rejected.report().contains(expected), "\(rejected.report())")
            }
            #expect(try await app.count("national_jobs") == 0)
            #expect(try await app.count("population") == populationBefore)
        }
    }

    @Test func aMissingFileIsReportedNotCrashed() async throws {
        try await withTestApp { app in
            await #expect(throws: ImportRejected.self) {
                try await Importer(database: app.db).importRegister(path: "/nonexistent/register.csv")
            }
        }
    }

    private func exported(_ app: Application) async throws -> String {
        RegisterCSV.write(try await RegisterStore(app.db).records())
    }
}
