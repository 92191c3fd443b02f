/// The Population CSV contract: `gemeente, jaar, inwoners`.
public enum PopulationCSV {
    public struct Row: Sendable, Hashable {
        public let municipality: String
        public let year: Int
        public let inhabitants: Int
    }

    public static func read(_ bytes: [UInt8], file: String, municipalities: Set<String>, years: ClosedRange<Int>) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["gemeente", "jaar", "inwoners"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        var result: [Row] = []
        while rows.next() {
            let before = rows.problems.count
            let municipality = RegisterCSV.municipality(&rows, known: municipalities)
            let year = rows.count("jaar", in: years)
            let inhabitants = rows.count("inwoners")
            if let municipality, let year {
                rows.checkUnique("\(municipality)/\(year)", column: "gemeente", "\(municipality) in \(year)")
            }
            if rows.problems.count == before, let municipality, let year, let inhabitants {
                result.append(Row(municipality: municipality, year: year, inhabitants: inhabitants))
            }
        }
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        return result
    }
}
