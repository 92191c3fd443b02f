/// How robust each policy option is across future scenarios (McPhail et al. 2018, Earth's
/// Future 6:169-191). `scores[a][s]` is the performance of alternative a in scenario s, higher is
/// better (negate a measure that should be minimised). docs/methods.md section 4; oracle:
/// systemrobustness 0.0.1 and EMA Workbench 2.5.3.
///
/// The metrics deliberately disagree: show several side by side rather than one "best" policy.
public struct Robustness: Sendable {
    public let scores: [[Double]]

    public init(scores: [[Double]]) {
        precondition(!scores.isEmpty && scores.allSatisfy { $0.count == scores[0].count && !$0.isEmpty },
                     "every alternative needs a score in every scenario")
        self.scores = scores
    }

    /// Wald: the worst case.
    public func maximin() -> [Double] { scores.map { $0.min()! } }

    /// The best case.
    public func maximax() -> [Double] { scores.map { $0.max()! } }

    /// Hurwicz with the classical optimism weight: optimism * best + (1 - optimism) * worst.
    /// (systemrobustness puts its alpha on the worst case instead.)
    public func hurwicz(optimism: Double) -> [Double] {
        scores.map { optimism * $0.max()! + (1 - optimism) * $0.min()! }
    }

    /// Laplace's insufficient reason: every scenario equally likely.
    public func laplace() -> [Double] { scores.map(Statistics.mean) }

    /// Regret of each alternative in each scenario: how far it is behind the best alternative
    /// in that scenario (positive; lower is better).
    public func regret() -> [[Double]] {
        let best = scores[0].indices.map { s in scores.map { $0[s] }.max()! }
        return scores.map { row in zip(best, row).map { $0 - $1 } }
    }

    /// Savage: the largest regret over the scenarios (lower is better).
    public func minimaxRegret() -> [Double] { regret().map { $0.max()! } }

    /// A percentile of the regret (Herman et al. 2015 use the 90th; lower is better).
    public func regretPercentile(_ q: Double, method: Statistics.QuantileMethod) -> [Double] {
        regret().map { Statistics.quantile($0, q, method: method) }
    }

    /// Mean over the population standard deviation (EMA Workbench's signal-to-noise).
    public func signalToNoise() -> [Double] {
        scores.map { Statistics.mean($0) / Statistics.standardDeviation($0) }
    }

    /// (mean + 1) / (sample standard deviation + 1), as in McPhail's code.
    public func meanVariance() -> [Double] {
        scores.map { (Statistics.mean($0) + 1) / (Statistics.standardDeviation($0, sample: true) + 1) }
    }

    /// Kwakkel et al. 2016 as McPhail's code computes it: the mean of the worst half (rounded up)
    /// of the deviations from the alternative's own median. Zero or negative; higher is better.
    public func undesirableDeviations() -> [Double] {
        scores.map { row in
            let median = Statistics.median(row)
            let worst = row.map { $0 - median }.sorted().prefix((row.count + 1) / 2)
            return Statistics.mean(Array(worst))
        }
    }

    /// Starr's domain criterion: the share of scenarios in which the alternative meets the threshold.
    public func satisficing(threshold: Double, strictly: Bool = false) -> [Double] {
        scores.map { row in
            Double(row.filter { strictly ? $0 > threshold : $0 >= threshold }.count) / Double(row.count)
        }
    }

    /// Voudouris et al. 2014: (q50 - (q90 + q10) / 2) / ((q90 - q10) / 2); higher means the
    /// bulk of the outcomes lies towards the good end.
    public func percentileSkew(method: Statistics.QuantileMethod = .nearest) -> [Double] {
        scores.map { row in
            let q = { Statistics.quantile(row, $0, method: method) }
            return (q(0.5) - (q(0.9) + q(0.1)) / 2) / ((q(0.9) - q(0.1)) / 2)
        }
    }

    /// Percentile peakedness: (q90 - q10) / (q75 - q25). Describes the spread, not a ranking.
    public func percentileKurtosis(method: Statistics.QuantileMethod = .nearest) -> [Double] {
        scores.map { row in
            let q = { Statistics.quantile(row, $0, method: method) }
            return (q(0.9) - q(0.1)) / (q(0.75) - q(0.25))
        }
    }
}
