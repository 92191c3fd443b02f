import Analysis
import Foundation

/// Generates the synthetic register of the demo: every establishment of the 22 Regio Zwolle
/// municipalities for every year 2009-2025, calibrated by `DemoProfile`.
///
/// Per municipality and sector line the number of establishments and the jobs follow a target
/// path. Large employers and designated high-growth firms have explicit job paths; the other
/// ("regular") establishments are born and close at random, each with a skewed size and its own
/// slow random walk, and are scaled together to the rest of the line's jobs. The yearly scale
/// and every firm's own drift are bounded, so no regular firm can grow by the 72.8% in three
/// years that makes a high-growth firm: the fast growers in the demo are exactly the designated ones.
struct DemoRegister {
    struct Municipality: Sendable {
        let code: String
        let inhabitants: Int
    }

    let municipalities: [Municipality]
    /// Zwolle's postcode areas (PC4), to give its establishments an address.
    let zwollePostcodeAreas: [String]

    static let years = DemoProfile.firstYear...DemoProfile.lastYear

    func records() -> [RegisterRecord] {
        var numbers = Numbering()
        var explicit = employerEstablishments(numbers: &numbers)
        explicit += highGrowthFirms(numbers: &numbers)
        let explicitByLine = Dictionary(grouping: explicit) { LineKey(municipality: $0.municipality, line: $0.line) }

        var records: [RegisterRecord] = []
        records.reserveCapacity(1_300_000)
        for entity in explicit { records += entity.records() }
        for municipality in municipalities {
            for line in DemoProfile.lines {
                let key = LineKey(municipality: municipality.code, line: line.key)
                var simulation = LineSimulation(
                    municipality: municipality.code, line: line, target: target(for: line, in: municipality),
                    explicit: explicitByLine[key] ?? [], postcodeAreas: municipality.code == DemoProfile.zwolle ? zwollePostcodeAreas : [])
                records += simulation.run(numbers: &numbers)
            }
        }
        return records
    }

    // MARK: - Targets

    /// Jobs and establishments a line should have in a municipality, year by year.
    struct Target {
        let jobs2019: Double
        let earlyGrowth: Double
        let lateGrowth: Double
        let establishments2020: Double
        let establishmentGrowth: Double

        func jobs(_ year: Int) -> Double {
            jobs2019 * pow(1 + (year <= 2019 ? earlyGrowth : lateGrowth), Double(year - 2019))
        }

        func establishments(_ year: Int) -> Int {
            Int((establishments2020 * pow(1 + establishmentGrowth, Double(year - 2020))).rounded())
        }
    }

    private var zwolle: Municipality {
        municipalities.first { $0.code == DemoProfile.zwolle } ?? Municipality(code: DemoProfile.zwolle, inhabitants: 130_000)
    }

    /// Zwolle takes the profile as it is. Elsewhere each line is scaled by population and by the
    /// line's regional factor, normalised so that the rest of the region has about 420 jobs and
    /// 90 establishments per 1,000 inhabitants, and grows a little slower, with some variation.
    func target(for line: DemoProfile.Line, in municipality: Municipality) -> Target {
        let early = line.earlyGrowth
        if municipality.code == DemoProfile.zwolle {
            return Target(jobs2019: Double(line.jobs2019), earlyGrowth: early, lateGrowth: 0.7 * early,
                          establishments2020: Double(line.establishments2020), establishmentGrowth: line.establishmentGrowth)
        }
        var random = SeededRandom("municipality", municipality.code)
        let inhabitants = Double(municipality.inhabitants)
        let jobsScale = random.uniform(0.85...1.15) * 0.42 * inhabitants / Self.regionalJobsPerZwolleProfile
        let establishmentScale = 0.09 * inhabitants / Self.regionalEstablishmentsPerZwolleProfile
        let growth = 0.8 * early + random.uniform(-0.006...0.008)
        return Target(jobs2019: Double(line.jobs2019) * line.regionFactor * jobsScale, earlyGrowth: growth, lateGrowth: 0.7 * growth,
                      establishments2020: max(1, Double(line.establishments2020) * line.regionFactor * establishmentScale),
                      establishmentGrowth: line.establishmentGrowth * 0.8)
    }

    /// The profile's jobs and establishments weighted by the regional factors: what one "Zwolle"
    /// of the rest of the region would have, before scaling to a municipality's population.
    static let regionalJobsPerZwolleProfile = DemoProfile.lines.map { Double($0.jobs2019) * $0.regionFactor }.reduce(0, +)
    static let regionalEstablishmentsPerZwolleProfile = DemoProfile.lines.map { Double($0.establishments2020) * $0.regionFactor }.reduce(0, +)

    // MARK: - Explicit establishments

    struct LineKey: Hashable {
        let municipality: String
        let line: String
    }

    /// An establishment whose jobs are set year by year rather than simulated.
    struct Explicit {
        let establishment: String
        let kvk: String
        let name: String
        let sbi: String
        let municipality: String
        let line: String
        let founded: Int
        let postcode: String
        let partTimeShare: Double
        /// Jobs per year; absent years the establishment did not exist.
        let jobs: [Int: Int]

        func records() -> [RegisterRecord] {
            jobs.keys.sorted().map { year in
                let total = jobs[year]!
                let partTime = Int(Double(total) * partTimeShare)
                return RegisterRecord(
                    establishmentNumber: establishment, kvkNumber: kvk, name: name, sbi: sbi, postcode: postcode,
                    municipality: municipality, year: year, jobsFullTime: total - partTime, jobsPartTime: partTime,
                    foundedYear: founded)
            }
        }
    }

    private func employerEstablishments(numbers: inout Numbering) -> [Explicit] {
        let known = Set(municipalities.map(\.code))
        return DemoProfile.employers.flatMap { employer -> [Explicit] in
            let kvk = numbers.nextEnterprise()
            let line = Self.line(employer.line)
            var random = SeededRandom("employer", employer.name)
            return employer.sites.enumerated().compactMap { index, site in
                guard known.contains(site.municipality) else { return nil }
                let jobs = Dictionary(uniqueKeysWithValues: Self.years.map { year in
                    (year, Int((Double(site.jobs2019) * pow(1 + employer.growth, Double(year - 2019))).rounded()))
                })
                let name = index == 0 ? employer.name : "\(employer.name), locatie \(index + 1)"
                return Explicit(
                    establishment: numbers.nextEstablishment(), kvk: kvk, name: name, sbi: employer.sbi,
                    municipality: site.municipality, line: employer.line, founded: employer.founded,
                    postcode: postcode(in: site.municipality, random: &random), partTimeShare: line.partTimeShare, jobs: jobs)
            }
        }
    }

    /// The designated fast growers: for each end year t, firms whose jobs grow by a factor
    /// 1.85-2.05 from t-3 to t, evenly on a log scale, and stay flat (or below 10 jobs) outside that
    /// window. Adjacent windows then see at most 2.05^(2/3) = 1.61 < 1.728, so each firm is a
    /// high-growth enterprise for exactly one end year.
    private func highGrowthFirms(numbers: inout Numbering) -> [Explicit] {
        let others = municipalities.filter { $0.code != DemoProfile.zwolle }
        let otherInhabitants = others.map(\.inhabitants).reduce(0, +)
        var firms: [Explicit] = []
        for t in Self.years where t - 3 >= DemoProfile.firstYear {
            var counts: [(Municipality, Int)] = [(zwolle, DemoProfile.highGrowthZwolle[t] ?? 0)]
            counts += Self.apportion(DemoProfile.highGrowthRestOfRegion[t] ?? 0, over: others) { Double($0.inhabitants) / Double(otherInhabitants) }
            for (municipality, count) in counts where municipalities.contains(where: { $0.code == municipality.code }) {
                for index in 0..<count {
                    var random = SeededRandom("high-growth", municipality.code, String(t), String(index))
                    firms.append(highGrowthFirm(endYear: t, in: municipality, random: &random, numbers: &numbers))
                }
            }
        }
        return firms
    }

    private func highGrowthFirm(endYear t: Int, in municipality: Municipality, random: inout SeededRandom, numbers: inout Numbering) -> Explicit {
        // Drawn in proportion to the line's jobs, so fast growers never crowd out a small line.
        let weights = DemoProfile.highGrowthLines.map { candidate in
            candidate.affinity * target(for: Self.line(candidate.line), in: municipality).jobs(t - 3)
        }
        var draw = random.unit() * weights.reduce(0, +)
        let index = weights.indices.first { draw -= weights[$0]; return draw < 0 } ?? 0
        let line = Self.line(DemoProfile.highGrowthLines[index].line)
        let start = 10 + Int(pow(random.unit(), 2) * 30)
        let ratio = random.uniform(1.85...2.05)
        let gazelle = random.chance(0.25)
        let founded = gazelle ? t - 5 + random.below(2) : t - 6 - random.below(20)
        var jobs: [Int: Int] = [:]
        for year in max(founded, DemoProfile.firstYear)...DemoProfile.lastYear {
            switch year {
            case ..<(t - 3):
                // Young firms stay under the size threshold until t-3, older ones are flat.
                jobs[year] = gazelle ? min(9, 3 + 3 * (year - founded)) : start
            case (t - 3)...t:
                jobs[year] = Int((Double(start) * pow(ratio, Double(year - t + 3) / 3)).rounded())
            default:
                jobs[year] = Int((Double(start) * ratio * pow(1.01, Double(year - t))).rounded())
            }
        }
        return Explicit(
            establishment: numbers.nextEstablishment(), kvk: numbers.nextEnterprise(),
            name: Self.companyName(line: line, random: &random), sbi: random.pick(Array(line.codes.prefix(3))),
            municipality: municipality.code, line: line.key, founded: founded,
            postcode: postcode(in: municipality.code, random: &random), partTimeShare: line.partTimeShare * 0.5, jobs: jobs)
    }

    static func line(_ key: String) -> DemoProfile.Line {
        DemoProfile.lines.first { $0.key == key }!
    }

    /// Splits `total` over items in proportion to `share`, by largest remainder, so the parts add up.
    static func apportion<T>(_ total: Int, over items: [T], share: (T) -> Double) -> [(T, Int)] {
        let exact = items.map { Double(total) * share($0) }
        var parts = exact.map { Int($0) }
        let order = exact.indices.sorted { exact[$0] - Double(parts[$0]) > exact[$1] - Double(parts[$1]) }
        for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
        return Array(zip(items, parts))
    }

    // MARK: - Names and addresses

    func postcode(in municipality: String, random: inout SeededRandom) -> String {
        Self.postcode(areas: municipality == DemoProfile.zwolle ? zwollePostcodeAreas : [], random: &random)
    }

    /// A postcode in one of the areas (PC4) with two random letters, or "" without areas.
    static func postcode(areas: [String], random: inout SeededRandom) -> String {
        guard !areas.isEmpty else { return "" }
        let letters = Array("ABCDEGHJKLMNPRSTVWXZ")
        return random.pick(areas) + String(random.pick(letters)) + String(random.pick(letters))
    }

    static func companyName(line: DemoProfile.Line, random: inout SeededRandom) -> String {
        let section = SBI.section(of: line.codes[0]) ?? "S"
        let word = random.pick(DemoProfile.nameWords[section] ?? ["Bedrijf"])
        let form = random.pick(DemoProfile.nameForms)
        return [word, random.pick(DemoProfile.namePlaces), form].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Hands out establishment numbers (12 digits) and KvK numbers (8 digits) in sequence.
    struct Numbering {
        private var establishments = 0
        private var enterprises = 0

        mutating func nextEstablishment() -> String {
            establishments += 1
            return String(300_000_000_000 + establishments)
        }

        mutating func nextEnterprise() -> String {
            enterprises += 1
            return String(60_000_000 + enterprises)
        }
    }
}
