/// High-growth enterprises and gazelles (Eurostat-OECD Manual on Business Demography Statistics,
/// 2007, ch. 8; EU Regulation 439/2014; CBS 85208NED). See docs/methods.md section 3.
public enum HighGrowth {
    /// Which firms count: the growth threshold over the three years t-3..t, whether a firm exactly
    /// at the threshold counts, and the minimum size at t-3.
    public struct Rule: Sendable, Hashable {
        /// Average annual growth in basis points: 2000 is 20%.
        public var thresholdBasisPoints: Int
        /// CBS counts growth of exactly the threshold ("10% or more"); Eurostat-OECD does not.
        public var inclusive: Bool
        public var minimumSize: Int

        public init(thresholdBasisPoints: Int, inclusive: Bool = false, minimumSize: Int = 10) {
            self.thresholdBasisPoints = thresholdBasisPoints
            self.inclusive = inclusive
            self.minimumSize = minimumSize
        }

        /// Eurostat-OECD 2007: more than 20% a year, at least 10 employees at the start.
        public static let oecd = Rule(thresholdBasisPoints: 2000)
        /// EU Regulation 439/2014: more than 10% a year.
        public static let eu2014 = Rule(thresholdBasisPoints: 1000)
        /// CBS "snelle groeiers, Europese norm": 10% a year or more.
        public static let cbs = Rule(thresholdBasisPoints: 1000, inclusive: true)
    }

    /// A firm (enterprise or establishment) seen at the two ends of a three-year window.
    public struct Unit: Sendable, Hashable {
        public var id: String
        /// Founding year; nil when the register does not say.
        public var born: Int?
        /// Jobs at t-3 and at t; nil where the firm is not observed in that year.
        public var jobsStart: Int?
        public var jobsEnd: Int?

        public init(id: String, born: Int?, jobsStart: Int?, jobsEnd: Int?) {
            self.id = id
            self.born = born
            self.jobsStart = jobsStart
            self.jobsEnd = jobsEnd
        }
    }

    /// Observed at both ends, big enough at t-3 and born before t-3. A firm with no known founding
    /// year that is observed at t-3 is taken to be old enough: it existed then.
    public static func isEligible(_ unit: Unit, endYear t: Int, rule: Rule) -> Bool {
        // Growth from zero jobs has no rate, so such a unit is never eligible, whatever the minimum size.
        guard let start = unit.jobsStart, unit.jobsEnd != nil, start >= max(rule.minimumSize, 1) else { return false }
        if let born = unit.born, born >= t - 3 { return false }
        return true
    }

    /// Eligible and x_t / x_{t-3} above (1 + threshold)^3, compared exactly in integers:
    /// x_t * 10000^3 > x_{t-3} * (10000 + bp)^3.
    public static func isHighGrowth(_ unit: Unit, endYear t: Int, rule: Rule) -> Bool {
        guard isEligible(unit, endYear: t, rule: rule), let start = unit.jobsStart, let end = unit.jobsEnd else { return false }
        let base = 10_000, grown = 10_000 + rule.thresholdBasisPoints
        let left = end.multipliedFullWidth(by: base * base * base)
        let right = start.multipliedFullWidth(by: grown * grown * grown)
        let lhs = (left.high, left.low), rhs = (right.high, right.low)
        return rule.inclusive ? lhs >= rhs : lhs > rhs
    }

    /// A high-growth enterprise born in t-5 or t-4: at most five years old at t.
    public static func isGazelle(_ unit: Unit, endYear t: Int, rule: Rule) -> Bool {
        guard let born = unit.born, born == t - 5 || born == t - 4 else { return false }
        return isHighGrowth(unit, endYear: t, rule: rule)
    }

    /// Birch-Schreyer index (Schreyer 2000): (x_t - x_{t-3}) * x_t / x_{t-3}; nil when not observed
    /// at both ends or zero at the start.
    public static func birchSchreyer(_ unit: Unit) -> Double? {
        guard let start = unit.jobsStart, let end = unit.jobsEnd, start > 0 else { return nil }
        return Double(end - start) * Double(end) / Double(start)
    }
}
