/// The monitor figures of one area over a period, as `vliegwiel analyse` prints them
/// (PRODUCT.md "Data contracts"): jobs, establishments, sector structure, location quotients,
/// shift-share, high-growth enterprises and gazelles for the three years ending at `to`.
public struct MonitorReport: Encodable, Sendable {
    public struct Pair<Value: Encodable & Sendable>: Encodable, Sendable {
        public let from: Value
        public let to: Value
    }

    public struct Latest<Value: Encodable & Sendable>: Encodable, Sendable {
        public let to: Value
    }

    public struct Firms: Encodable, Sendable {
        public let count: Int
        public let ids: [String]
    }

    public struct ShiftShareFigures: Encodable, Sendable {
        public let nationalShare: Double
        public let industryMix: Double
        public let regionalShift: Double
        public let bySection: [String: ShiftShareFigures]?

        enum CodingKeys: String, CodingKey {
            case nationalShare = "national_share", industryMix = "industry_mix", regionalShift = "regional_shift", bySection = "by_section"
        }
    }

    public let area: String
    public let from: Int
    public let to: Int
    public let unit: String
    public let jobs: Pair<Int>
    public let establishments: Pair<Int>
    public let jobsBySection: Pair<[String: Int]>
    /// Only with national totals; null for a section without national jobs.
    public let lqBySection: Latest<[String: Double?]>?
    public let shiftShare: ShiftShareFigures?
    public let highGrowth: Firms
    public let gazelles: Firms
    /// Only with population figures for the area in `to`.
    public let jobsPer1000Inhabitants: Double?

    enum CodingKeys: String, CodingKey {
        case area, from, to, unit, jobs, establishments, gazelles
        case jobsBySection = "jobs_by_section", lqBySection = "lq_by_section", shiftShare = "shift_share"
        case highGrowth = "high_growth", jobsPer1000Inhabitants = "jobs_per_1000_inhabitants"
    }

    /// - Parameters:
    ///   - national: jobs in the Netherlands per year and SBI section, when known.
    ///   - inhabitants: the area's population in `to`, when known.
    public init(
        panel: RegisterPanel, area: Area, name: String, from: Int, to: Int, unit: RegisterPanel.Unit,
        rule: HighGrowth.Rule, national: [Int: [String: Int]]?, inhabitants: Int?
    ) {
        self.area = name
        self.from = from
        self.to = to
        self.unit = unit.rawValue
        jobs = Pair(from: panel.jobs(in: area, year: from), to: panel.jobs(in: area, year: to))
        establishments = Pair(from: panel.establishments(in: area, year: from), to: panel.establishments(in: area, year: to))
        let sectionsFrom = panel.jobsBySection(in: area, year: from), sectionsTo = panel.jobsBySection(in: area, year: to)
        jobsBySection = Pair(from: sectionsFrom, to: sectionsTo)

        if let nationFrom = national?[from], let nationTo = national?[to] {
            let vector = { (jobs: [String: Int]) in SBI.sections.map { Double(jobs[$0] ?? 0) } }
            let quotients = Specialisation.locationQuotients(region: vector(sectionsTo), nation: vector(nationTo))
            lqBySection = Latest(to: Dictionary(uniqueKeysWithValues: zip(SBI.sections, quotients)))
            let result = ShiftShare(regionStart: vector(sectionsFrom), regionEnd: vector(sectionsTo),
                                    nationStart: vector(nationFrom), nationEnd: vector(nationTo))
            var bySection: [String: ShiftShareFigures] = [:]
            for (section, components) in zip(SBI.sections, result.bySector) {
                guard let components else { continue }
                bySection[section] = ShiftShareFigures(nationalShare: components.nationalShare, industryMix: components.industryMix,
                                                       regionalShift: components.regionalShift, bySection: nil)
            }
            shiftShare = ShiftShareFigures(nationalShare: result.total.nationalShare, industryMix: result.total.industryMix,
                                           regionalShift: result.total.regionalShift, bySection: bySection)
        } else {
            lqBySection = nil
            shiftShare = nil
        }

        let fast = panel.highGrowthUnits(in: area, endYear: to, unit: unit, rule: rule)
        highGrowth = Firms(count: fast.count, ids: fast.map(\.id))
        let young = fast.filter { HighGrowth.isGazelle($0, endYear: to, rule: rule) }
        gazelles = Firms(count: young.count, ids: young.map(\.id))
        let jobsTo = jobs.to
        jobsPer1000Inhabitants = KeyFigures(year: to, jobs: jobsTo, establishments: establishments.to, inhabitants: inhabitants).jobsPerThousandInhabitants
    }
}
