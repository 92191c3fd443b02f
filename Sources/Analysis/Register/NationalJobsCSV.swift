/// The National CSV contract: `jaar, sbi_sectie, banen`, jobs in the Netherlands per SBI section,
/// and optionally `sbi_afdeling`: a row with a two-digit division in it holds that division's
/// jobs (for location quotients per division); its `sbi_sectie` must be the division's section.
public enum NationalJobsCSV {
    public struct Row: Sendable, Hashable {
        public let year: Int
        public let section: String
        /// The division (two digits) when the row is a division's jobs, nil for a section total.
        public let division: String?
        public let jobs: Int
    }

    public static func read(_ bytes: [UInt8], file: String, years: ClosedRange<Int>) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["jaar", "sbi_sectie", "banen"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        let hasDivisions = rows.has("sbi_afdeling")
        var result: [Row] = []
        while rows.next() {
            let before = rows.problems.count
            let year = rows.count("jaar", in: years)
            let section = rows.text("sbi_sectie").uppercased()
            if !SBI.sections.contains(section) {
                rows.report("sbi_sectie", "'\(rows.text("sbi_sectie"))' is not an SBI section letter A-U")
            }
            let divisionText = hasDivisions ? rows.text("sbi_afdeling") : ""
            let division: String? = divisionText.isEmpty ? nil : divisionText
            if let division {
                if division.count != 2 || Int(division).flatMap(SBI.section(ofDivision:)) == nil {
                    rows.report("sbi_afdeling", "'\(division)' is not an SBI division (two digits, 01-99)")
                } else if let owner = Int(division).flatMap(SBI.section(ofDivision:)), owner != section, SBI.sections.contains(section) {
                    rows.report("sbi_afdeling", "division \(division) belongs to section \(owner), not \(section)")
                }
            }
            let jobs = rows.count("banen")
            if let year {
                rows.checkUnique("\(year)/\(section)/\(division ?? "")", column: division == nil ? "sbi_sectie" : "sbi_afdeling",
                                 division.map { "division \($0) in \(year)" } ?? "section \(section) in \(year)")
            }
            if rows.problems.count == before, let year, let jobs {
                result.append(Row(year: year, section: section, division: division, jobs: jobs))
            }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        return result
    }
}
