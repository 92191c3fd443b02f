import Analysis
import Foundation

/// An enterprise of the register (all establishments with one KvK number), as the enterprise page
/// and an organisation's page show it.
enum Enterprise {
    /// Whether the enterprise (its establishments in `records` taken together) is high-growth by
    /// the OECD-Eurostat rule in the window ending in the latest year of `records`.
    static func highGrowth(_ records: [RegisterRecord], kvk: String?) -> (from: Int, to: Int, isGazelle: Bool)? {
        guard let kvk, let last = records.map(\.year).max() else { return nil }
        let own = records.filter { $0.kvkNumber == kvk }
        let jobs = { (year: Int) -> Int? in
            let rows = own.filter { $0.year == year }
            return rows.isEmpty ? nil : rows.map(\.jobs).reduce(0, +)
        }
        let unit = HighGrowth.Unit(id: kvk, born: own.compactMap(\.foundedYear).min(), jobsStart: jobs(last - 3), jobsEnd: jobs(last))
        guard HighGrowth.isHighGrowth(unit, endYear: last, rule: .oecd) else { return nil }
        return (last - 3, last, HighGrowth.isGazelle(unit, endYear: last, rule: .oecd))
    }
}
