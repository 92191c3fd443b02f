import Analysis
import Foundation

/// An enterprise of the register (all establishments with one KvK number), as the enterprise page
/// and an organisation's page show it.
enum Enterprise {
    /// Its jobs and establishments in one register year.
    struct Year: Sendable, Equatable {
        let year: Int
        let establishments: Int
        let jobs: Int
    }

    /// One of its establishments, with the municipality's name.
    struct Establishment: Sendable, Equatable {
        let number: String
        let kvk: String
        let name: String
        let sbi: String
        let municipality: String
        let postcode: String
        let jobs: Int
    }

    /// A high-growth window: the three years it grew in, and whether it was young enough to be a gazelle.
    struct Growth: Sendable, Equatable {
        let from: Int
        let to: Int
        let isGazelle: Bool
    }

    /// Jobs and establishments per year of `records` (one enterprise's, or an organisation's).
    static func history(_ records: [RegisterRecord]) -> [Year] {
        Dictionary(grouping: records, by: \.year).map { year, rows in
            Year(year: year, establishments: rows.count, jobs: rows.map(\.jobs).reduce(0, +))
        }.sorted { $0.year < $1.year }
    }

    /// The establishments of the latest year of `records`, largest first; `names` of municipalities by code.
    static func latestEstablishments(_ records: [RegisterRecord], names: [String: String]) -> [Establishment] {
        guard let last = records.map(\.year).max() else { return [] }
        return records.filter { $0.year == last }.sorted { ($0.jobs, $1.establishmentNumber) > ($1.jobs, $0.establishmentNumber) }.map {
            Establishment(number: $0.establishmentNumber, kvk: $0.kvkNumber, name: $0.name, sbi: $0.sbi,
                          municipality: names[$0.municipality] ?? $0.municipality, postcode: $0.postcode, jobs: $0.jobs)
        }
    }

    /// Whether the enterprise (its establishments in `records` taken together) is high-growth by
    /// the OECD-Eurostat rule in the window ending in the latest year of `records`.
    static func highGrowth(_ records: [RegisterRecord], kvk: String?) -> Growth? {
        guard let kvk, let last = records.map(\.year).max() else { return nil }
        let own = records.filter { $0.kvkNumber == kvk }
        let jobs = { (year: Int) -> Int? in
            let rows = own.filter { $0.year == year }
            return rows.isEmpty ? nil : rows.map(\.jobs).reduce(0, +)
        }
        let unit = HighGrowth.Unit(id: kvk, born: own.compactMap(\.foundedYear).min(), jobsStart: jobs(last - 3), jobsEnd: jobs(last))
        guard HighGrowth.isHighGrowth(unit, endYear: last, rule: .oecd) else { return nil }
        return Growth(from: last - 3, to: last, isGazelle: HighGrowth.isGazelle(unit, endYear: last, rule: .oecd))
    }
}
