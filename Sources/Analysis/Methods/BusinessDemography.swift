/// Business demography from the register, after the OECD-Eurostat manual on business demography
/// statistics (2007): the stock of units and its flows per year, and how the units born in a year
/// survive. docs/methods.md section 10.
///
/// A unit is an establishment (establishment number) or an enterprise (KvK number, present in the
/// area when one of its establishments is). "The register" is every municipality it covers:
/// - **birth** in year t: present in the area in t, in no earlier year anywhere in the register,
///   and founded in t or t-1. Not counted in the register's first year (everything is new there).
/// - **other entry**: new to the register in t but founded earlier or unknown (a late registration,
///   or a move from outside the register's coverage).
/// - **return**: present in t, absent everywhere in t-1, present in some year before.
/// - **arrival** / **departure**: an establishment number that moves between covered
///   municipalities into the area (in the area in t, elsewhere in the register in t-1) or out of
///   it; an enterprise arrives when it was not in the area in t-1 and one of its establishments
///   moves in, and departs when it is no longer there and one moved out (opening or closing a
///   branch is no move).
/// - **closure** in year t: present in the area in t and nowhere in the register in t+1 and t+2;
///   unknown (nil) until the register has both later years.
/// - **survival** after k years of the units born in year c: present anywhere in the register in
///   c+k (a unit that moved away survives); unknown until the register has c+k.
/// Rates are counts divided by the stock of the same year. Flows count only in years the register
/// has the area and the year before (closures: the two years after).
public struct BusinessDemography: Sendable, Equatable {
    /// The years after a birth at which survival is reported.
    public static let survivalYears = [1, 2, 3, 5]

    public struct Year: Sendable, Equatable {
        public let year: Int
        /// Units in the area in the year.
        public let stock: Int
        /// nil in a year whose previous year is not in the register.
        public let births: Int?
        public let otherEntries: Int?
        public let returns: Int?
        public let arrivals: Int?
        public let departures: Int?
        /// nil until the register has the two years after.
        public let closures: Int?

        public init(year: Int, stock: Int, births: Int?, otherEntries: Int?, returns: Int?, arrivals: Int?, departures: Int?, closures: Int?) {
            (self.year, self.stock, self.births, self.otherEntries, self.returns) = (year, stock, births, otherEntries, returns)
            (self.arrivals, self.departures, self.closures) = (arrivals, departures, closures)
        }

        /// Births per unit of the stock (0...); nil without births or stock.
        public var birthRate: Double? { Self.rate(births, stock) }
        public var closureRate: Double? { Self.rate(closures, stock) }

        static func rate(_ count: Int?, _ stock: Int) -> Double? {
            guard let count, stock > 0 else { return nil }
            return Double(count) / Double(stock)
        }
    }

    /// The units born in one year and how many of them are still in the register later.
    public struct Cohort: Sendable, Equatable {
        public let year: Int
        public let births: Int
        /// Survivors after k years, for each k of `survivalYears`; nil where the register does not reach c+k yet.
        public let survivors: [Int: Int?]

        public init(year: Int, births: Int, survivors: [Int: Int?]) {
            (self.year, self.births, self.survivors) = (year, births, survivors)
        }

        /// The share (0...1) of the cohort present k years after its birth year.
        public func survivalRate(after years: Int) -> Double? {
            guard births > 0, let survived = survivors[years] ?? nil else { return nil }
            return Double(survived) / Double(births)
        }
    }

    public let years: [Year]
    /// One per year with births, ascending.
    public let cohorts: [Cohort]
    /// The units born in each year (establishment or KvK numbers as integers), ascending.
    public let birthsByYear: [Int: [Int64]]

    public init(years: [Year], cohorts: [Cohort], birthsByYear: [Int: [Int64]]) {
        (self.years, self.cohorts, self.birthsByYear) = (years, cohorts, birthsByYear)
    }

    public func year(_ year: Int) -> Year? { years.first { $0.year == year } }
    public func cohort(_ year: Int) -> Cohort? { cohorts.first { $0.year == year } }

    /// Whether a unit founded in `founded` counts as born when it first appears in `year`.
    public static func isBirth(founded: Int?, firstYear year: Int) -> Bool {
        guard let founded else { return false }
        return founded == year || founded == year - 1
    }
}
