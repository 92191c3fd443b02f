/// The Municipal figures CSV contract: the published totals of every municipality,
/// `gemeente, jaar, banen, vestigingen` and optionally `inwoners` (CBS or LISA's tables for all
/// 342 municipalities), for ranking a municipality among all others.
public enum MunicipalFiguresCSV {
    public struct Row: Sendable, Hashable {
        public let municipality: String
        public let year: Int
        public let jobs: Int
        public let establishments: Int
        public let inhabitants: Int?

        public init(municipality: String, year: Int, jobs: Int, establishments: Int, inhabitants: Int?) {
            (self.municipality, self.year, self.jobs, self.establishments, self.inhabitants) = (municipality, year, jobs, establishments, inhabitants)
        }
    }

    /// Every row checked; all problems with their line and column, and no rows unless all are good.
    public static func read(_ bytes: [UInt8], file: String, municipalities: Set<String>, years: ClosedRange<Int>) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["gemeente", "jaar", "banen", "vestigingen"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        let hasInhabitants = rows.has("inwoners")
        var result: [Row] = []
        while rows.next() {
            let before = rows.problems.count
            let municipality = RegisterCSV.municipality(&rows, known: municipalities)
            let year = rows.count("jaar", in: years)
            let jobs = rows.count("banen", in: 0...100_000_000)
            let establishments = rows.count("vestigingen", in: 0...10_000_000)
            let inhabitants = hasInhabitants ? rows.count("inwoners", optional: true, in: 0...100_000_000) : nil
            if let municipality, let year {
                rows.checkUnique("\(municipality)/\(year)", column: "gemeente", "\(municipality) in \(year)")
            }
            if rows.problems.count == before, let municipality, let year, let jobs, let establishments {
                result.append(Row(municipality: municipality, year: year, jobs: jobs, establishments: establishments, inhabitants: inhabitants))
            }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        guard !result.isEmpty else { throw ImportRejected(file: file, problems: [ImportProblem(line: 0, column: nil, reason: "the file has no rows")]) }
        return result
    }
}
