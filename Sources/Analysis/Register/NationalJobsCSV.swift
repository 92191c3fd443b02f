/// The National CSV contract: `jaar, sbi_sectie, banen`, jobs in the Netherlands per SBI section.
public enum NationalJobsCSV {
    public struct Row: Sendable, Hashable {
        public let year: Int
        public let section: String
        public let jobs: Int
    }

    public static func read(_ bytes: [UInt8], file: String, years: ClosedRange<Int>) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["jaar", "sbi_sectie", "banen"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        var result: [Row] = []
        while rows.next() {
            let before = rows.problems.count
            let year = rows.count("jaar", in: years)
            let section = rows.text("sbi_sectie").uppercased()
            if !SBI.sections.contains(section) {
                rows.report("sbi_sectie", "'\(rows.text("sbi_sectie"))' is not an SBI section letter A-U")
            }
            let jobs = rows.count("banen")
            if let year {
                rows.checkUnique("\(year)/\(section)", column: "sbi_sectie", "section \(section) in \(year)")
            }
            if rows.problems.count == before, let year, let jobs {
                result.append(Row(year: year, section: section, jobs: jobs))
            }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        return result
    }
}
