import Foundation

/// The Register CSV data contract (PRODUCT.md, "Data contracts"): reading with validation of
/// every row, and writing in one canonical form so that export, import and export again give
/// the same bytes.
public enum RegisterCSV {
    /// Column names in the order `write` uses.
    public static let columns = [
        "vestigingsnummer", "kvk_nummer", "naam", "sbi", "postcode", "gemeente", "jaar",
        "banen_voltijd", "banen_deeltijd", "oprichtingsjaar",
    ]
    /// Real LISA extracts split jobs by sex; these four may stand instead of the two totals.
    public static let jobsBySex = ["voltijd_man", "voltijd_vrouw", "deeltijd_man", "deeltijd_vrouw"]

    /// What a row is checked against: the reference data of the database or of the shipped files.
    public struct Rules: Sendable {
        /// SBI codes without dots mapped to the dotted form, e.g. `6201` -> `62.01`.
        public var sbiCodes: [String: String]
        /// Known municipality codes (`GM0193`).
        public var municipalities: Set<String>
        public var years: ClosedRange<Int>

        public init(sbiCodes: [String: String], municipalities: Set<String>, years: ClosedRange<Int>) {
            self.sbiCodes = sbiCodes
            self.municipalities = municipalities
            self.years = years
        }

        /// Years 1990 up to next year, as the register contract allows.
        public static func defaultYears(now: Date = Date()) -> ClosedRange<Int> {
            1990...(Calendar(identifier: .gregorian).component(.year, from: now) + 1)
        }
    }

    /// Reads and checks every row. Throws `ImportRejected` with all problems if any row is bad,
    /// so a caller never sees part of a broken file.
    public static func read(_ bytes: [UInt8], file: String, rules: Rules) throws(ImportRejected) -> [RegisterRecord] {
        var reader = try Reader(bytes, file: file, rules: rules)
        var records: [RegisterRecord] = []
        records.reserveCapacity(bytes.count / 80)
        while case let chunk = reader.next(upTo: 100_000), !chunk.isEmpty { records += chunk }
        if let rejection = reader.rejection { throw rejection }
        return records
    }

    /// Reads a register file in chunks, so a caller can write one chunk while the next is read.
    /// It reads on after a bad row to find every problem, but returns no records after it:
    /// check `rejection` at the end, and throw away what was written if it is set.
    public struct Reader: Sendable {
        private var rows: CSVRows
        private let file: String
        private let rules: Rules
        private let splitBySex: Bool

        /// Checks the header; throws when a required column is missing.
        public init(_ bytes: [UInt8], file: String, rules: Rules) throws(ImportRejected) {
            let header = CSVRows(bytes: bytes, required: [])
            let hasTotals = header.has("banen_voltijd") || header.has("banen_deeltijd")
            splitBySex = !hasTotals && jobsBySex.allSatisfy(header.has)
            var required = ["vestigingsnummer", "kvk_nummer", "naam", "sbi", "gemeente", "jaar"]
            required += splitBySex ? jobsBySex : ["banen_voltijd", "banen_deeltijd"]
            rows = CSVRows(bytes: bytes, required: required)
            self.file = file
            self.rules = rules
            guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        }

        /// Every problem found so far, as a rejection of the file; nil while there are none.
        public var rejection: ImportRejected? {
            rows.problems.isEmpty ? nil : ImportRejected(file: file, problems: rows.problems)
        }

        /// Up to `count` more good records; empty at the end of the file. Once a problem has been
        /// found, it reads the rest of the file for more problems and returns nothing.
        public mutating func next(upTo count: Int) -> [RegisterRecord] {
            var records: [RegisterRecord] = []
            records.reserveCapacity(count)
            while records.count < count, rows.next() {
                if let record = record(), rows.problems.isEmpty { records.append(record) }
            }
            return records
        }

        /// The current row as a record, or nil (with its problems reported) when it is bad.
        private mutating func record() -> RegisterRecord? {
            let before = rows.problems.count
            let establishment = rows.digits("vestigingsnummer", length: 12)
            let kvk = rows.digits("kvk_nummer", length: 8)
            let name = rows.requiredText("naam")
            let sbi = RegisterCSV.sbiCode(&rows, rules: rules)
            let postcode = RegisterCSV.postcode(&rows)
            let municipality = RegisterCSV.municipalityCode(&rows, rules: rules)
            let year = rows.count("jaar", in: rules.years)
            let (fullTime, partTime) = RegisterCSV.jobs(&rows, split: splitBySex)
            let founded = rows.count("oprichtingsjaar", optional: true, in: 1800...rules.years.upperBound)
            if let founded, let year, founded > year {
                rows.report("oprichtingsjaar", "\(founded) is after the record's year \(year)")
            }
            let x = rows.decimal("x", in: 0...300_000)
            let y = rows.decimal("y", in: 289_000...629_000)
            if let establishment, let year {
                // 12 digits and a year fit in one integer key.
                rows.checkUnique(Int(establishment)! &* 10_000 &+ year, column: "vestigingsnummer", "establishment \(establishment) in \(year)")
            }
            guard rows.problems.count == before, let establishment, let kvk, let name, let sbi,
                  let postcode, let municipality, let year, let fullTime, let partTime
            else { return nil }
            return RegisterRecord(
                establishmentNumber: establishment, kvkNumber: kvk, name: name, sbi: sbi,
                postcode: postcode, municipality: municipality, year: year,
                jobsFullTime: fullTime, jobsPartTime: partTime, foundedYear: founded, x: x, y: y)
        }
    }

    private static func sbiCode(_ rows: inout CSVRows, rules: Rules) -> String? {
        guard let value = rows.requiredText("sbi") else { return nil }
        guard let code = rules.sbiCodes[SBI.digits(of: value)] else {
            rows.report("sbi", "'\(value)' is not an SBI 2008 code")
            return nil
        }
        return code
    }

    /// `1234AB` (a space and lower case are accepted and normalised), or "" when empty.
    private static func postcode(_ rows: inout CSVRows) -> String? {
        let text = rows.text("postcode")
        if text.isEmpty { return "" }
        guard let postcode = postcode(text) else {
            rows.report("postcode", "'\(text)' is not a Dutch postcode like 8011AB")
            return nil
        }
        return postcode
    }

    /// A Dutch postcode as `1234AB` (a space and lower case are accepted), or nil when it is not one.
    public static func postcode(_ text: String) -> String? {
        // Upper-cased ASCII without spaces, done on bytes: this runs for every row of a register.
        let bytes = text.utf8.filter { $0 != .space }.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 32 : $0 }
        let valid = bytes.count == 6 && bytes[0] != .zero
            && bytes[0..<4].allSatisfy { $0 >= .zero && $0 <= .nine }
            && bytes[4..<6].allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        return valid ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func municipalityCode(_ rows: inout CSVRows, rules: Rules) -> String? {
        municipality(&rows, known: rules.municipalities)
    }

    /// The `gemeente` column of a row as a known municipality code; a problem reported when it is not.
    static func municipality(_ rows: inout CSVRows, known: Set<String>) -> String? {
        guard let value = rows.requiredText("gemeente") else { return nil }
        guard let code = municipalityCode(value), known.contains(code) else {
            rows.report("gemeente", "'\(value.prefix(40))' is not a known CBS municipality code (GM and four digits, or the four digits)")
            return nil
        }
        return code
    }

    /// `GM0193`, `gm0193`, `0193` and `193` all become `GM0193`; anything else is nil.
    public static func municipalityCode(_ value: String) -> String? {
        // Fast path for the canonical form, which is what most rows have.
        if value.utf8.count == 6, value.hasPrefix("GM"), value.utf8.dropFirst(2).allSatisfy({ $0 >= .zero && $0 <= .nine }) {
            return value
        }
        var digits = Substring(value.uppercased())
        if digits.hasPrefix("GM") { digits = digits.dropFirst(2) }
        guard (1...4).contains(digits.count), digits.utf8.allSatisfy({ $0 >= .zero && $0 <= .nine }), let number = Int(digits) else { return nil }
        return "GM" + String(repeating: "0", count: 4 - String(number).count) + String(number)
    }

    private static func jobs(_ rows: inout CSVRows, split: Bool) -> (Int?, Int?) {
        if split {
            let parts = jobsBySex.map { rows.count($0) }
            guard parts.allSatisfy({ $0 != nil }) else { return (nil, nil) }
            return (parts[0]! + parts[1]!, parts[2]! + parts[3]!)
        }
        return (rows.count("banen_voltijd"), rows.count("banen_deeltijd"))
    }

    // MARK: - Writing

    /// The records in canonical form: contract column order, `,` delimiter, `\n` line ends,
    /// sorted by establishment number and year; `x, y` only when some record has coordinates.
    public static func write(_ records: [RegisterRecord]) -> String {
        let sorted = records.sorted {
            ($0.establishmentNumber, $0.year) < ($1.establishmentNumber, $1.year)
        }
        let withCoordinates = records.contains { $0.x != nil || $0.y != nil }
        var out = (columns + (withCoordinates ? ["x", "y"] : [])).joined(separator: ",") + "\n"
        out.reserveCapacity(records.count * 90)
        for record in sorted {
            var fields = [
                record.establishmentNumber, record.kvkNumber, CSVCell.text(record.name), record.sbi,
                record.postcode, record.municipality, String(record.year),
                String(record.jobsFullTime), String(record.jobsPartTime),
                record.foundedYear.map(String.init) ?? "",
            ]
            if withCoordinates {
                fields += [record.x.map { "\($0)" } ?? "", record.y.map { "\($0)" } ?? ""]
            }
            out += fields.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
