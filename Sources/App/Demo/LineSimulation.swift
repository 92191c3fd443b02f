import Analysis
import Foundation

/// The regular establishments of one sector line in one municipality, simulated year by year.
struct LineSimulation {
    let municipality: String
    let line: DemoProfile.Line
    let target: DemoRegister.Target
    let explicit: [DemoRegister.Explicit]
    let postcodeAreas: [String]

    /// An enterprise with one establishment, or a chain of several that open and close together.
    private struct Firm {
        let kvk: String
        let name: String
        let founded: Int
        var sites: [Site]
    }

    private struct Site {
        let establishment: String
        let sbi: String
        let postcode: String
        /// Relative size, drawn once from a log-normal distribution.
        let weight: Double
        /// The site's own slow drift, a random walk of at most 6% a year.
        var drift: Double
        let partTimeFactor: Double
        var size: Double { weight * drift }
    }

    /// The most a regular establishment grows or shrinks by in a year through the line's scale.
    static let scaleBounds = 0.96...1.045
    static let largestRegularEstablishment = 240

    mutating func run(numbers: inout DemoRegister.Numbering) -> [RegisterRecord] {
        var random = SeededRandom("line", municipality, line.key)
        var firms: [Firm] = []
        var scale: Double?
        var records: [RegisterRecord] = []
        for year in DemoRegister.years {
            let explicitHere = explicit.filter { $0.jobs[year] != nil }
            if year > DemoProfile.firstYear {
                firms.removeAll { firm in random.chance(Self.closureProbability(firm)) }
                for index in firms.indices {
                    for site in firms[index].sites.indices {
                        firms[index].sites[site].drift *= 1 + random.uniform(-0.06...0.06)
                    }
                }
            }
            let wanted = max(1, target.establishments(year) - explicitHere.count)
            var sites = firms.map(\.sites.count).reduce(0, +)
            while sites < wanted {
                let firm = newFirm(year: year, maximumSites: wanted - sites, random: &random, numbers: &numbers)
                sites += firm.sites.count
                firms.append(firm)
            }
            while sites > wanted, let index = firms.indices.last(where: { firms[$0].sites.count <= sites - wanted }) {
                sites -= firms[index].sites.count
                firms.remove(at: index)
            }
            let explicitJobs = explicitHere.map { $0.jobs[year]! }.reduce(0, +)
            let regularJobs = max(Double(sites), target.jobs(year) - Double(explicitJobs))
            var yearScale = Self.scale(for: firms.flatMap(\.sites).map(\.size), jobs: regularJobs)
            if let previous = scale {
                yearScale = min(max(yearScale, previous * Self.scaleBounds.lowerBound), previous * Self.scaleBounds.upperBound)
            }
            scale = yearScale
            for firm in firms {
                for site in firm.sites {
                    let jobs = Self.jobs(size: site.size, scale: yearScale)
                    let partTime = jobs == 1 ? 0 : min(jobs - 1, Int(Double(jobs) * line.partTimeShare * site.partTimeFactor))
                    records.append(RegisterRecord(
                        establishmentNumber: site.establishment, kvkNumber: firm.kvk, name: firm.name, sbi: site.sbi,
                        postcode: site.postcode, municipality: municipality, year: year,
                        jobsFullTime: jobs - partTime, jobsPartTime: partTime, foundedYear: firm.founded))
                }
            }
        }
        return records
    }

    static func jobs(size: Double, scale: Double) -> Int {
        min(largestRegularEstablishment, max(1, Int((size * scale).rounded())))
    }

    /// The scale at which the sites' jobs, after rounding, the minimum of one job and the cap, add
    /// up to `jobs` (a few fixed-point steps from the plain ratio).
    static func scale(for sizes: [Double], jobs target: Double) -> Double {
        var scale = target / max(sizes.reduce(0, +), 1e-9)
        for _ in 0..<4 {
            let total = sizes.map { Double(jobs(size: $0, scale: scale)) }.reduce(0, +)
            guard total > 0 else { break }
            scale *= target / total
        }
        return scale
    }

    /// Small firms close more often than large ones (about 7% against 2% a year).
    private static func closureProbability(_ firm: Firm) -> Double {
        let size = firm.sites.map(\.size).reduce(0, +)
        return size < 1 ? 0.07 : size < 5 ? 0.045 : 0.02
    }

    private func newFirm(year: Int, maximumSites: Int, random: inout SeededRandom, numbers: inout DemoRegister.Numbering) -> Firm {
        let isStart = year == DemoProfile.firstYear
        // Firms already there in the first year have a history; later ones are founded that year.
        let founded = isStart ? year - min(80, Int(-log(max(random.unit(), 1e-6)) * 12)) : year
        let siteCount = random.chance(line.chainShare) ? min(maximumSites, 2 + random.below(3)) : 1
        let sbi = pickCode(random: &random)
        // Newcomers start small (never far above the median); the log-normal spread gives the
        // register its skewed sizes.
        let meanLog = isStart ? 0.0 : -0.7
        let sites = (0..<siteCount).map { _ in
            Site(establishment: numbers.nextEstablishment(), sbi: sbi,
                 postcode: DemoRegister.postcode(areas: postcodeAreas, random: &random),
                 weight: exp(meanLog + 1.25 * min(random.normal(), isStart ? 4 : 1.5)), drift: 1, partTimeFactor: random.uniform(0.7...1.3))
        }
        return Firm(kvk: numbers.nextEnterprise(), name: DemoRegister.companyName(line: line, random: &random), founded: founded, sites: sites)
    }

    /// The line's first codes are the most common: the k-th code is drawn with weight 1/k.
    private func pickCode(random: inout SeededRandom) -> String {
        let weights = line.codes.indices.map { 1 / Double($0 + 1) }
        var draw = random.unit() * weights.reduce(0, +)
        for (code, weight) in zip(line.codes, weights) {
            draw -= weight
            if draw < 0 { return code }
        }
        return line.codes[0]
    }
}
