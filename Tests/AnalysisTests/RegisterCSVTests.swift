import Analysis
import Testing

struct RegisterCSVTests {
    static let rules = RegisterCSV.Rules(
        sbiCodes: ["6201": "62.01", "47911": "47.91.1", "8610": "86.10", "62": "62"],
        municipalities: ["GM0193", "GM0166"], years: 1990...2027)

    static let header = "vestigingsnummer,kvk_nummer,naam,sbi,postcode,gemeente,jaar,banen_voltijd,banen_deeltijd,oprichtingsjaar"

    func read(_ lines: [String]) throws(ImportRejected) -> [RegisterRecord] {
        try RegisterCSV.read(Array(lines.joined(separator: "\n").utf8), file: "test.csv", rules: Self.rules)
    }

    func problems(_ lines: [String]) -> [ImportProblem] {
        do {
            _ = try read(lines)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsAValidFileAndNormalisesCodes() throws {
        let records = try read([
            Self.header,
            "000012345678,12345678,Software BV,6201,8011 ab,GM0193,2020,10,2,2015",
            "000012345679,12345679,\"Winkel, \"\"Online\"\"\",4791.1,,0166,2020,0,1,",
        ])
        #expect(records.count == 2)
        #expect(records[0].sbi == "62.01")
        #expect(records[0].postcode == "8011AB")
        #expect(records[0].jobs == 12)
        #expect(records[1].name == "Winkel, \"Online\"")
        #expect(records[1].sbi == "47.91.1")
        #expect(records[1].municipality == "GM0166")
        #expect(records[1].foundedYear == nil)
    }

    @Test func detectsSemicolonsAndSkipsTheByteOrderMark() throws {
        let text = "\u{FEFF}" + Self.header.replacingOccurrences(of: ",", with: ";") + "\r\n"
            + "000012345678;12345678;Bakker & Zn;62.01;8011AB;GM0193;2020;3;1;1999\r\n"
        let records = try RegisterCSV.read(Array(text.utf8), file: "x.csv", rules: Self.rules)
        #expect(records.map(\.name) == ["Bakker & Zn"])
        #expect(records[0].foundedYear == 1999)
    }

    @Test func sumsJobsSplitBySex() throws {
        let records = try read([
            "vestigingsnummer,kvk_nummer,naam,sbi,gemeente,jaar,voltijd_man,voltijd_vrouw,deeltijd_man,deeltijd_vrouw",
            "000012345678,12345678,Zorg,8610,GM0193,2021,100,150,20,40",
        ])
        #expect(records[0].jobsFullTime == 250)
        #expect(records[0].jobsPartTime == 60)
    }

    /// One bad row of each kind, with the column and the reason it is reported with.
    static let badRows = [
        ("00001234567,12345678,A,6201,8011AB,GM0193,2020,1,0,2000", "vestigingsnummer", "exactly 12 digits"),
        ("000012345678,1234567X,A,6201,8011AB,GM0193,2020,1,0,2000", "kvk_nummer", "exactly 8 digits"),
        ("000012345678,12345678,,6201,8011AB,GM0193,2020,1,0,2000", "naam", "is empty"),
        ("000012345678,12345678,A,9999,8011AB,GM0193,2020,1,0,2000", "sbi", "not an SBI 2008 code"),
        ("000012345678,12345678,A,6201,801AB,GM0193,2020,1,0,2000", "postcode", "not a Dutch postcode"),
        ("000012345678,12345678,A,6201,8011AB,GM9999,2020,1,0,2000", "gemeente", "not a known CBS municipality"),
        ("000012345678,12345678,A,6201,8011AB,GM0193,1980,1,0,1970", "jaar", "outside 1990...2027"),
        ("000012345678,12345678,A,6201,8011AB,GM0193,2020,-1,0,2000", "banen_voltijd", "not a non-negative whole number"),
        ("000012345678,12345678,A,6201,8011AB,GM0193,2020,1,1.5,2000", "banen_deeltijd", "not a non-negative whole number"),
        ("000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2021", "oprichtingsjaar", "after the record's year"),
    ]

    /// Each kind of bad value is reported with its line, its column and a reason that says what is wrong.
    @Test(arguments: badRows)
    func reportsABadValue(line: String, column: String, reason: String) {
        let found = problems([Self.header, "000099999999,99999999,Goed,6201,8011AB,GM0193,2020,1,0,2000", line])
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == column)
        #expect(found.first?.reason.contains(reason) == true, "\(found)")
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let found = problems([
            Self.header,
            "000012345671,12345678,A,9999,8011AB,GM0193,2020,1,0,2000",
            "000012345672,12345678,A,6201,8011AB,GM0193,2020,x,0,2000",
            "000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2000",
            "000012345678,12345678,A,6201,8011AB,GM0193,2020,1,0,2000",
        ])
        #expect(found.map(\.line) == [2, 3, 5])
        #expect(found.last?.reason.contains("already has a row on line 4") == true)
    }

    @Test func reportsMissingColumnsOnTheHeaderLine() {
        let found = problems(["vestigingsnummer,naam,jaar", "000012345678,A,2020"])
        #expect(found.allSatisfy { $0.line == 1 })
        #expect(Set(found.compactMap(\.column)) == ["kvk_nummer", "sbi", "gemeente", "banen_voltijd", "banen_deeltijd"])
    }

    @Test func reportsAnUnclosedQuote() {
        let found = problems([Self.header, "000012345678,12345678,\"Open,6201,8011AB,GM0193,2020,1,0,2000"])
        #expect(found.contains { $0.reason.contains("never closed") })
    }

    @Test func anEmptyFileIsAProblem() {
        #expect(problems([""]).first?.reason.contains("empty") == true)
    }

    @Test func writeThenReadGivesTheSameRecordsAndWriteIsCanonical() throws {
        let records = try read([
            Self.header,
            "000012345679,12345679,\"Winkel, online\",47911,,GM0166,2020,0,1,",
            "000012345678,12345678,Software BV,62.01,8011AB,GM0193,2021,10,2,2015",
            "000012345678,12345678,Software BV,6201,8011AB,GM0193,2020,8,2,2015",
        ])
        let written = RegisterCSV.write(records)
        let again = try RegisterCSV.read(Array(written.utf8), file: "again.csv", rules: Self.rules)
        #expect(Set(again) == Set(records))
        #expect(RegisterCSV.write(again) == written)
        #expect(written.split(separator: "\n").first.map(String.init) == Self.header)
        #expect(written.split(separator: "\n")[1].hasPrefix("000012345678,12345678,Software BV,62.01,8011AB,GM0193,2020,"))
    }

    @Test(arguments: [("GM0193", "GM0193"), ("0193", "GM0193"), ("193", "GM0193"), ("gm0014", "GM0014")])
    func municipalityCodesAreNormalised(input: String, expected: String) {
        #expect(RegisterCSV.municipalityCode(input) == expected)
    }

    @Test(arguments: ["GM01934", "ABC", "", "GM"])
    func invalidMunicipalityCodesAreRejected(input: String) {
        #expect(RegisterCSV.municipalityCode(input) == nil)
    }
}
