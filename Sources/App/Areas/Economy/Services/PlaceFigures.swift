import Analysis
import Foundation

/// The monitor's figures for one place, per register year: jobs, establishments, births of
/// establishments, fast growers and establishments in a growth cluster; and, in the last year, per
/// growth cluster. The same numbers on the places' pages and in the API.
struct PlaceFigures: Sendable, Equatable {
    struct Year: Sendable, Equatable {
        let year: Int
        let jobs: Int
        let establishments: Int
        /// Establishments born that year in the place (docs/methods.md section 10); nil in the register's first year.
        let births: Int?
        /// Enterprises growing fast (OECD) in the three years to this one, counting their jobs in the place; nil without the year t-3.
        let fastGrowers: Int?
        /// Establishments that belong to at least one growth cluster.
        let clusterMembers: Int
    }

    struct Cluster: Sendable, Equatable {
        let key: String
        let name: String
        let establishments: Int
        let jobs: Int
    }

    let years: [Year]
    let clusters: [Cluster]
    /// Jobs per four-digit postcode area of the municipality in the last year (for the map).
    let jobsByPostcodeArea: [String: Int]

    var latest: Year? { years.last }

    static func compute(area: Area, municipality: String, years: [Int], growthClusters: [(key: String, name: String, definition: ClusterDefinition)],
                        panel: RegisterPanel) -> PlaceFigures {
        let demography = panel.demography(in: area, unit: .establishment)
        let definitions = growthClusters.map(\.definition)
        let rows = years.map { year in
            Year(year: year, jobs: panel.jobs(in: area, year: year), establishments: panel.establishments(in: area, year: year), births: demography.year(year)?.births,
                        fastGrowers: years.contains(year - 3) ? panel.highGrowthUnits(in: area, endYear: year).count : nil,
                        clusterMembers: panel.establishments(in: area, year: year, inAnyOf: definitions))
        }
        let last = years.last ?? 0
        let clusters = growthClusters.map { cluster in
            let counts = panel.counts(in: area, year: last, cluster: cluster.definition)
            return Cluster(key: cluster.key, name: cluster.name, establishments: counts.establishments, jobs: counts.jobs)
        }
        var byArea: [String: Int] = [:]
        for code in Set((try? ReferenceData.shared.get().postcodeAreas[municipality]) ?? []) {
            byArea[code] = panel.jobs(in: Area(municipalities: [municipality], postcodes: [code]), year: last)
        }
        return PlaceFigures(years: rows, clusters: clusters, jobsByPostcodeArea: byArea)
    }
}
