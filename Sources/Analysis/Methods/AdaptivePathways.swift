/// Monitoring for Dynamic Adaptive Policy Pathways (Haasnoot et al. 2013, 2018): a signpost's
/// trend, when the current policy stops working (its adaptation tipping point) under each
/// scenario, by when each next action must be decided, and the signpost value that triggers it.
/// docs/methods.md section 6 and oracle 06.
public enum AdaptivePathways {
    /// A straight line through the observations by ordinary least squares (on centred years).
    public struct Trend: Sendable {
        public let slope: Double
        /// The line's value at year 0; `value(in:)` is the fitted value for a year.
        public let intercept: Double

        public init?(years: [Double], values: [Double]) {
            guard years.count == values.count, years.count >= 2 else { return nil }
            let meanYear = Statistics.mean(years), meanValue = Statistics.mean(values)
            let spread = years.map { ($0 - meanYear) * ($0 - meanYear) }.reduce(0, +)
            guard spread > 0 else { return nil }
            slope = zip(years, values).map { ($0 - meanYear) * ($1 - meanValue) }.reduce(0, +) / spread
            intercept = meanValue - slope * meanYear
        }

        public func value(in year: Double) -> Double { intercept + slope * year }
    }

    /// The signpost crosses a lower threshold (a stock running out: "<") or an upper one (">").
    public struct Condition: Sendable {
        public enum Operator: String, Sendable { case below = "<", above = ">" }
        public let `operator`: Operator
        public let threshold: Double

        public init(_ operator: Operator, _ threshold: Double) {
            self.operator = `operator`
            self.threshold = threshold
        }

        /// Years until a signpost at `value`, changing by `change` a year, meets the condition;
        /// nil when it moves away from (or stays off) the threshold.
        func yearsUntilMet(from value: Double, change: Double) -> Double? {
            let gap = threshold - value
            switch `operator` {
            case .below: return value < threshold ? 0 : (change < 0 ? gap / change : nil)
            case .above: return value > threshold ? 0 : (change > 0 ? gap / change : nil)
            }
        }
    }

    /// An action on a pathway: how much room it adds (in signpost units) and how long it takes.
    public struct Action: Sendable {
        public let name: String
        public let capacity: Double
        public let leadTime: Double

        public init(name: String, capacity: Double, leadTime: Double) {
            self.name = name
            self.capacity = capacity
            self.leadTime = leadTime
        }
    }

    public enum Status: String, Sendable {
        /// Nothing to do yet.
        case monitor
        /// The decision is due within two years: start preparing.
        case prepare
        /// The decision should already have been taken.
        case overdue
    }

    /// One action on a pathway under one scenario.
    public struct Step: Sendable {
        public let action: String
        /// When the action must be decided (nil for the current policy, which is already in place).
        public let decideBy: Double?
        /// When the situation with this action in place stops meeting the objective.
        public let tippingYear: Double
        public let status: Status?
    }

    /// The status of a decision due at `decideBy`, seen from `now`.
    public static func status(decideBy: Double, now: Double) -> Status {
        decideBy < now ? .overdue : (decideBy - now <= 2 ? .prepare : .monitor)
    }

    /// The timeline of a pathway (current policy first) under a scenario in which the signpost
    /// changes by `change` a year from `value` observed in `year`. Each action starts at the
    /// tipping point of the one before and postpones it by capacity / |change|. nil when the
    /// signpost never reaches the threshold in this scenario.
    public static func timeline(
        pathway: [Action], condition: Condition, year: Double, value: Double, change: Double, now: Double
    ) -> [Step]? {
        guard let current = pathway.first, let years = condition.yearsUntilMet(from: value, change: change) else { return nil }
        var tipping = year + years + current.capacity / abs(change)
        var steps = [Step(action: current.name, decideBy: nil, tippingYear: tipping, status: nil)]
        for action in pathway.dropFirst() {
            let decideBy = tipping - action.leadTime
            tipping += action.capacity / abs(change)
            steps.append(Step(action: action.name, decideBy: decideBy, tippingYear: tipping, status: status(decideBy: decideBy, now: now)))
        }
        return steps
    }

    /// The signpost value at which to start an action, so that it is ready when the threshold is
    /// reached: the threshold plus the expected change over the action's lead time.
    public static func trigger(for action: Action, condition: Condition, change: Double) -> Double {
        condition.threshold - change * action.leadTime
    }
}
