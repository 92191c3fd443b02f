import Analysis
import Foundation

/// A cluster's economy in an area and period, computed from the register panel: jobs and
/// establishments per year, growth, share of the area's jobs, the location quotient against the
/// Netherlands where national figures per SBI division allow it, its fast growers and its largest
/// employers. One place computes these for every page and the API.
struct ClusterFigures: Sendable, Equatable {
    struct Year: Sendable, Equatable {
        let year: Int
        let jobs: Int
        let establishments: Int
    }

    struct Employer: Sendable, Equatable {
        let kvk: String
        let jobs: Int
    }

    let from: Int
    let to: Int
    /// Every register year from `from` to `to`.
    let years: [Year]
    /// The area's jobs in `to` (all clusters and none).
    let areaJobs: Int
    /// The cluster's enterprises (KvK numbers) that are high-growth (OECD) in the three years up to `to`.
    let fastGrowers: [String]
    /// Its ten largest enterprises by their jobs in the cluster in `to`.
    let largest: [Employer]
    /// The cluster's jobs per enterprise (KvK number as the panel keeps it) in `to`.
    let jobsByEnterprise: [Int64: Int]
    let locationQuotient: Double?
    /// Why there is no location quotient, when there is none.
    let locationQuotientGap: String?

    var first: Year? { years.first }
    var last: Year? { years.last }
    var jobs: Int { last?.jobs ?? 0 }
    var establishments: Int { last?.establishments ?? 0 }
    /// Growth of its jobs from `from` to `to` (nil without jobs in `from`).
    var growth: Double? {
        guard let first, first.year < to, first.jobs > 0 else { return nil }
        return Double(jobs - first.jobs) / Double(first.jobs)
    }
    /// Its share of the area's jobs in `to`.
    var share: Double? { areaJobs > 0 ? Double(jobs) / Double(areaJobs) : nil }

    /// `fastGrowers`: the area's high-growth enterprises (OECD) up to `to`; `nationalDivisions`: the
    /// national jobs per 2-digit SBI division in `to` (empty when unknown).
    static func compute(_ cluster: ClusterDefinition, panel: RegisterPanel, area: Area, from: Int, to: Int, fastGrowers: Set<Int64>,
                        nationalDivisions: [String: Int]) -> ClusterFigures {
        let years = panel.years(in: area).filter { (from...to).contains($0) }.map { year in
            let counts = panel.counts(in: area, year: year, cluster: cluster)
            return Year(year: year, jobs: counts.jobs, establishments: counts.establishments)
        }
        let byEnterprise = panel.jobsByEnterprise(in: area, year: to, cluster: cluster)
        let clusterFastGrowers = fastGrowers.filter { byEnterprise[$0] != nil }.map(RegisterPanel.kvkNumber)
        let largest = byEnterprise.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
            .map { Employer(kvk: RegisterPanel.kvkNumber($0.key), jobs: $0.value) }
        let areaJobs = panel.jobs(in: area, year: to)
        let (quotient, gap) = locationQuotient(cluster, jobs: years.last?.jobs ?? 0, areaJobs: areaJobs, nationalDivisions: nationalDivisions)
        return ClusterFigures(from: from, to: to, years: years, areaJobs: areaJobs, fastGrowers: clusterFastGrowers.sorted(), largest: Array(largest), jobsByEnterprise: byEnterprise,
                              locationQuotient: quotient, locationQuotientGap: gap)
    }

    /// The cluster's share of the area's jobs over its share of the national jobs. National
    /// figures exist per division (2 digits), so only a cluster of whole sections and divisions,
    /// without organisations added by hand, has one.
    static func locationQuotient(_ cluster: ClusterDefinition, jobs: Int, areaJobs: Int, nationalDivisions: [String: Int]) -> (Double?, String?) {
        guard !nationalDivisions.isEmpty else {
            return (nil, localized("Er zijn geen landelijke banen per SBI-afdeling voor dit jaar.", "There are no national jobs per SBI division for this year."))
        }
        guard cluster.sbiPrefixes.allSatisfy({ $0.count == 1 || SBI.digits(of: $0).count == 2 }) else {
            return (nil, localized("Het cluster noemt SBI-codes fijner dan een afdeling (2 cijfers); landelijke cijfers zijn er per afdeling.",
                                   "The cluster names SBI codes finer than a division (2 digits); national figures exist per division."))
        }
        guard cluster.addedEnterprises.isEmpty, cluster.addedEstablishments.isEmpty else {
            return (nil, localized("Met toegevoegde organisaties is er geen landelijke tegenhanger.", "With organisations added by hand there is no national counterpart."))
        }
        let national = nationalDivisions.filter { division, _ in
            cluster.sbiPrefixes.contains { prefix in
                prefix.count == 1 ? Int(division).flatMap(SBI.section(ofDivision:)) == prefix : SBI.digits(of: prefix) == division
            }
        }.values.reduce(0, +)
        let nationalTotal = nationalDivisions.values.reduce(0, +)
        guard areaJobs > 0, national > 0, nationalTotal > 0 else { return (nil, localized("Geen banen om te vergelijken.", "No jobs to compare.")) }
        return ((Double(jobs) / Double(areaJobs)) / (Double(national) / Double(nationalTotal)), nil)
    }
}
