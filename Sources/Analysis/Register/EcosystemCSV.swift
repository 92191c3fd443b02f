import Foundation

/// The Ecosystem CSV contract: element scores of the entrepreneurial ecosystem index per region and
/// year, `regio, jaar, element, score` (the ten elements of Stam's index, each region-year complete).
public enum EcosystemCSV {
    public struct Row: Sendable, Hashable {
        /// The COROP region's code (`CR10`).
        public let region: String
        public let year: Int
        public let element: EcosystemIndex.Element.Name
        public let score: Double

        public init(region: String, year: Int, element: EcosystemIndex.Element.Name, score: Double) {
            (self.region, self.year, self.element, self.score) = (region, year, element, score)
        }
    }

    /// `regions`: the region's code by every accepted spelling (code and name, lowercased).
    public static func read(_ bytes: [UInt8], file: String, regions: [String: String], years: ClosedRange<Int>) throws(ImportRejected) -> [Row] {
        var rows = CSVRows(bytes: bytes, required: ["regio", "jaar", "element", "score"])
        guard rows.problems.isEmpty else { throw ImportRejected(file: file, problems: rows.problems) }
        var result: [Row] = []
        var firstLine: [String: Int] = [:]
        while rows.next() {
            let before = rows.problems.count
            let regionText = rows.text("regio")
            let region = regions[regionText.lowercased()]
            if region == nil {
                rows.report("regio", "'\(regionText.prefix(40))' is not a COROP region (a code such as CR10, or its name such as Noord-Overijssel)")
            }
            let year = rows.count("jaar", in: years)
            let elementText = rows.text("element")
            let element = EcosystemIndex.Element.Name(text: elementText)
            if element == nil {
                rows.report("element", "'\(elementText.prefix(40))' is not one of the ten elements: "
                            + EcosystemIndex.Element.Name.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let score = rows.decimal("score", in: 0...1_000)
            if score == nil, rows.problems.count == before { rows.report("score", "is empty; a score is required") }
            if let region, let year, let element {
                rows.checkUnique("\(region)/\(year)/\(element.rawValue)", column: "element", "\(element.rawValue) of \(region) in \(year)")
                if firstLine["\(region)/\(year)"] == nil { firstLine["\(region)/\(year)"] = rows.line }
            }
            if rows.problems.count == before, let region, let year, let element, let score {
                result.append(Row(region: region, year: year, element: element, score: score))
            }
        }
        // Every region-year needs all ten elements: an index of nine would not compare.
        var problems = rows.problems
        if problems.isEmpty {
            for (key, group) in Dictionary(grouping: result, by: { "\($0.region)/\($0.year)" }) where group.count < EcosystemIndex.Element.Name.allCases.count {
                let missing = Set(EcosystemIndex.Element.Name.allCases).subtracting(group.map(\.element)).sorted()
                problems.append(ImportProblem(line: firstLine[key] ?? 0, column: "element",
                                              reason: "\(key.replacingOccurrences(of: "/", with: " in ")) lacks \(missing.map(\.rawValue).joined(separator: ", ")); every region and year needs all ten elements"))
            }
            // An element every region scores 0 on has no mean to divide by.
            for (key, group) in Dictionary(grouping: result, by: { "\($0.year)/\($0.element.rawValue)" }) where group.allSatisfy({ $0.score == 0 }) {
                let row = group[0]
                problems.append(ImportProblem(line: firstLine["\(row.region)/\(row.year)"] ?? 0, column: "score",
                                              reason: "every region scores 0 on \(row.element.rawValue) in \(row.year) (\(key)); the index divides by the mean over the regions"))
            }
            problems.sort { $0.line < $1.line }
        }
        guard problems.isEmpty else { throw ImportRejected(file: file, problems: problems) }
        guard !result.isEmpty else { throw ImportRejected(file: file, problems: [ImportProblem(line: 0, column: nil, reason: "the file has no rows")]) }
        return result
    }
}
