import Foundation
import Testing
@testable import Analysis

/// The fast file reader must accept exactly what `RegisterCSV.read` accepts and give the same rows.
struct RegisterFileTests {
    static let rules = RegisterCSVTests.rules
    static let header = RegisterCSVTests.header

    /// The rows of a panel decoded, in panel order.
    static func rows(_ panel: RegisterPanel) -> [String] {
        (0..<panel.count).map { row in
            "\(panel.establishment[row]) \(panel.enterprise[row]) \(panel.year[row]) \(panel.jobsFullTime[row]) \(panel.jobsPartTime[row]) "
                + "\(panel.sbiCodes[Int(panel.sbi[row])]) \(panel.municipalityCodes[Int(panel.municipality[row])]) \(panel.founded[row])"
        }
    }

    static func withFile<T>(_ text: String, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }

    /// Many small segments, so that records straddle segment boundaries.
    static func fastRows(_ text: String, years: Set<Int>? = nil, segmentSize: Int = 7) async throws -> [String] {
        try await withFile(text) { path in
            rows(try await RegisterFile.panel(path: path, rules: rules, keepingYears: years, segmentSize: segmentSize))
        }
    }

    static func slowRows(_ text: String, years: Set<Int>? = nil) throws -> [String] {
        let records = try RegisterCSV.read(Array(text.utf8), file: "x.csv", rules: rules)
        return rows(RegisterPanel(records: records.filter { years?.contains($0.year) ?? true }))
    }

    static let sample = [
        header,
        "000012345678,12345678,Software BV,6201,8011 ab,GM0193,2019,8,2,2015",
        "000012345678,12345678,Software BV,62.01,8011AB,gm0193,2020,10,2,2015",
        "000012345679,12345679,\"Winkel, \"\"Online\"\"\nmet een regel erbij\",4791.1,,0166,2020,0,1,",
        "",
        "000012345680,12345679, Zorg ,8610,8012 CD,166,2021, 7 ,0,1999",
    ].joined(separator: "\n") + "\n"

    @Test(arguments: [1, 7, 64, 1 << 20])
    func readsTheSameRowsAsTheCheckedReader(segmentSize: Int) async throws {
        let fastPath = try await Self.withFile(Self.sample) { path in
            try await RegisterFile.fastPanel(path: path, rules: Self.rules, keepingYears: nil, segmentSize: segmentSize)
        }
        let fast = try #require(fastPath.map(Self.rows), "the fast path gave up on a valid file")
        #expect(fast == (try Self.slowRows(Self.sample)))
        #expect(fast.count == 4)
    }

    @Test func semicolonsByteOrderMarkAndWindowsLineEnds() async throws {
        let text = "\u{FEFF}" + Self.sample.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try await Self.fastRows(text) == (try Self.slowRows(text)))
    }

    @Test func jobsSplitBySexAreSummed() async throws {
        let text = "vestigingsnummer,kvk_nummer,naam,sbi,gemeente,jaar,voltijd_man,voltijd_vrouw,deeltijd_man,deeltijd_vrouw\n"
            + "000012345678,12345678,Zorg,8610,GM0193,2021,100,150,20,40\n"
        #expect(try await Self.fastRows(text) == ["12345678 12345678 2021 250 60 86.10 GM0193 0"])
        await #expect(throws: ImportRejected.self) {
            try await Self.fastRows(text.replacingOccurrences(of: ",20,40", with: ",20"))
        }
    }

    @Test func keepsOnlyTheYearsAskedFor() async throws {
        let fast = try await Self.fastRows(Self.sample, years: [2020])
        #expect(fast == (try Self.slowRows(Self.sample, years: [2020])))
        #expect(fast.count == 2)
    }

    /// Any bad row makes the file rejected, with the same report as the checked reader gives.
    @Test(arguments: RegisterCSVTests.badRows)
    func rejectsWhatTheCheckedReaderRejects(line: String, column: String, reason: String) async throws {
        let text = [Self.header, "000099999999,99999999,Goed,6201,8011AB,GM0193,2020,1,0,2000", line].joined(separator: "\n")
        do {
            _ = try await Self.fastRows(text)
            Issue.record("accepted a bad row: \(line)")
        } catch let rejected as ImportRejected {
            #expect(rejected.problems.map(\.line) == [3])
            #expect(rejected.problems.first?.column == column)
        }
    }

    @Test(arguments: [
        // Adjacent, in a file sorted by establishment.
        ["000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2000", "000012345678,12345678,A,6201,8011AB,GM0193,2020,2,0,2000"],
        // Far apart, in a file in no order.
        ["000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2000", "000012345670,12345678,A,6201,8011AB,GM0193,2019,1,0,2000",
         "000012345678,12345678,A,6201,8011AB,GM0193,2020,2,0,2000"],
    ])
    func rejectsAnEstablishmentWithTwoRowsForAYear(lines: [String]) async throws {
        await #expect(throws: ImportRejected.self) { try await Self.fastRows(([Self.header] + lines).joined(separator: "\n")) }
    }

    @Test func acceptsAFileInNoOrderWithoutRepeats() async throws {
        let text = [Self.header, "000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2000",
                    "000012345670,12345678,A,6201,8011AB,GM0193,2019,1,0,2000",
                    "000012345678,12345678,A,6201,8011AB,GM0193,2019,2,0,2000"].joined(separator: "\n")
        #expect(try await Self.fastRows(text) == (try Self.slowRows(text)))
    }

    @Test func rejectsAnUnclosedQuoteAndAMissingColumn() async throws {
        await #expect(throws: ImportRejected.self) {
            try await Self.fastRows(Self.header + "\n000012345678,12345678,\"Open,6201,8011AB,GM0193,2020,1,0,2000\n")
        }
        await #expect(throws: ImportRejected.self) { try await Self.fastRows("vestigingsnummer,naam,jaar\n000012345678,A,2020\n") }
    }
}
