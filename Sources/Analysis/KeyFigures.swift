/// The headline figures of an area in a year, and their change against a base year.
public struct KeyFigures: Sendable, Equatable {
    public let year: Int
    public let jobs: Int
    public let establishments: Int
    /// Inhabitants on 1 January of the year, when known.
    public let inhabitants: Int?

    public init(year: Int, jobs: Int, establishments: Int, inhabitants: Int?) {
        self.year = year
        self.jobs = jobs
        self.establishments = establishments
        self.inhabitants = inhabitants
    }

    /// Jobs per 1,000 inhabitants; nil without a population count.
    public var jobsPerThousandInhabitants: Double? {
        Self.jobsPerThousand(jobs: jobs, inhabitants: inhabitants)
    }

    /// Jobs per 1,000 inhabitants, the one place this figure is computed; nil without a population count.
    public static func jobsPerThousand(jobs: Int, inhabitants: Int?) -> Double? {
        guard let inhabitants, inhabitants > 0 else { return nil }
        return Double(jobs) * 1000 / Double(inhabitants)
    }
}

extension RegisterPanel {
    public func keyFigures(in area: Area, year: Int, inhabitants: Int?) -> KeyFigures {
        KeyFigures(year: year, jobs: jobs(in: area, year: year), establishments: establishments(in: area, year: year), inhabitants: inhabitants)
    }
}

/// Growth of a count between two years, absolute and relative.
public struct Change: Sendable, Equatable {
    public let from: Int
    public let to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public var absolute: Int { to - from }
    /// Relative change (0.1 is +10%); nil when the start is zero.
    public var relative: Double? { from == 0 ? nil : Double(to - from) / Double(from) }
}
