/// Firm-size structure in LISA's size classes.
extension RegisterPanel {
    /// LISA's classes by number of jobs: 1, 2-4, 5-9, 10-49, 50-99, 100-249, 250+.
    public enum SizeClass: String, CaseIterable, Sendable, Comparable {
        case one = "1", twoToFour = "2-4", fiveToNine = "5-9", tenToFortyNine = "10-49"
        case fiftyToNinetyNine = "50-99", hundredToTwoFortyNine = "100-249", twoFiftyPlus = "250+"

        /// The class of a unit with this many jobs; nil for none (a unit without jobs has no class).
        public init?(jobs: Int) {
            switch jobs {
            case ..<1: return nil
            case 1: self = .one
            case 2...4: self = .twoToFour
            case 5...9: self = .fiveToNine
            case 10...49: self = .tenToFortyNine
            case 50...99: self = .fiftyToNinetyNine
            case 100...249: self = .hundredToTwoFortyNine
            default: self = .twoFiftyPlus
            }
        }

        public static func < (lhs: SizeClass, rhs: SizeClass) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Units (establishments, or enterprises with their jobs summed over their establishments in
    /// the area) and their jobs per size class; every class is present.
    public func sizeClasses(in area: Area, year: Int, unit: Unit) -> [SizeClass: (units: Int, jobs: Int)] {
        var classes = Dictionary(uniqueKeysWithValues: SizeClass.allCases.map { ($0, (units: 0, jobs: 0)) })
        for jobs in jobsPerUnit(unit, in: area, year: year).values {
            guard let sizeClass = SizeClass(jobs: jobs) else { continue }
            classes[sizeClass]!.units += 1
            classes[sizeClass]!.jobs += jobs
        }
        return classes
    }
}
