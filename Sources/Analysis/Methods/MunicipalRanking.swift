/// Ranking municipalities on their published totals (docs/methods.md section 11): jobs per 1,000
/// inhabitants, jobs growth since a base year, and establishments per 1,000 inhabitants.
public enum MunicipalRanking {
    public enum Indicator: String, Sendable, CaseIterable, Hashable {
        case jobsPerThousand = "jobs-per-1000"
        case jobsGrowth = "jobs-growth"
        case establishmentsPerThousand = "establishments-per-1000"
    }

    /// The indicator for a municipality's figures of a year (`base`: those of the base year, for
    /// growth); nil without inhabitants, or without base-year jobs for growth.
    public static func value(_ indicator: Indicator, _ figures: KeyFigures, base: KeyFigures?) -> Double? {
        switch indicator {
        case .jobsPerThousand:
            return figures.jobsPerThousandInhabitants
        case .establishmentsPerThousand:
            guard let inhabitants = figures.inhabitants, inhabitants > 0 else { return nil }
            return Double(figures.establishments) * 1000 / Double(inhabitants)
        case .jobsGrowth:
            guard let base, base.jobs > 0 else { return nil }
            return Double(figures.jobs - base.jobs) / Double(base.jobs) * 100
        }
    }
}
