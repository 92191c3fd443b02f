import Analysis
import Testing

/// Oracle 04: systemrobustness 0.0.1 and EMA Workbench 2.5.3 (METHODS.md section 4).
struct RobustnessTests {
    static var oracle: [String: Any] { Oracle.load("04_robustness_metrics") }
    static var policies: [String] { oracle["policies"] as! [String] }
    static var robustness: Robustness {
        Robustness(scores: (oracle["scores_maximise"] as! [[Any]]).map { Oracle.numbers($0).map { $0! } })
    }

    /// Every metric of the oracle, by its key there.
    static let metrics: [String: @Sendable (Robustness) -> [Double]] = [
        "maximin": { $0.maximin() },
        "maximax": { $0.maximax() },
        "hurwicz_optimism0.5": { $0.hurwicz(optimism: 0.5) },
        "hurwicz_optimism0.25": { $0.hurwicz(optimism: 0.25) },
        "laplace_mean": { $0.laplace() },
        "minimax_regret": { $0.minimaxRegret() },
        "regret_p90_nearest": { $0.regretPercentile(0.9, method: .nearest) },
        "regret_p90_linear": { $0.regretPercentile(0.9, method: .linear) },
        "signal_to_noise_mean_over_popstd": { $0.signalToNoise() },
        "mcphail_mean_variance_(mean+1)/(sd_sample+1)": { $0.meanVariance() },
        "undesirable_deviations_mean_worst_half": { $0.undesirableDeviations() },
        "starr_domain_ge5": { $0.satisficing(threshold: 5) },
        "starr_domain_gt5": { $0.satisficing(threshold: 5, strictly: true) },
        "percentile_skew_(nearest)": { $0.percentileSkew() },
        "percentile_kurtosis_(nearest)": { $0.percentileKurtosis() },
    ]

    @Test func everyMetricOfTheOracleIsComputed() {
        let keys = Set((Self.oracle["metrics"] as! [String: Any]).keys)
        #expect(keys == Set(Self.metrics.keys))
    }

    @Test(arguments: metrics.keys.sorted())
    func metricMatchesSystemrobustness(key: String) {
        let expected = (Self.oracle["metrics"] as! [String: Any])[key] as! [String: Any]
        let wanted = (expected["values"] as! [String: Any]).mapValues { Oracle.number($0)! }
        let values = Self.metrics[key]!(Self.robustness)
        for (policy, value) in zip(Self.policies, values) {
            #expect(Oracle.close(value, wanted[policy]), "\(key) \(policy): \(value)")
        }
        if let higherIsBetter = expected["higher_is_better"] as? Bool {
            let ranking = Statistics.ranking(values, higherIsBetter: higherIsBetter).map { Self.policies[$0] }
            #expect(ranking == expected["ranking_best_first"] as! [String])
        }
    }

    @Test func regretMatrixAndEMAStatistics() {
        let robustness = Self.robustness
        let regret = (Self.oracle["regret_matrix (best_in_scenario - score)"] as! [[Any]]).map(Oracle.numbers)
        #expect(zip(robustness.regret(), regret).allSatisfy { Oracle.close($0.map { $0 }, $1) })

        let ema = Self.oracle["ema_workbench_style"] as! [String: [String: Any]]
        let statistics: [String: ([Double]) -> Double] = [
            "ema_mean": Statistics.mean,
            "ema_std": { Statistics.standardDeviation($0) },
            "ema_signal_to_noise": { Statistics.mean($0) / Statistics.standardDeviation($0) },
            "ema_percentile10": { Statistics.quantile($0, 0.1, method: .linear) },
            "ema_percentile90": { Statistics.quantile($0, 0.9, method: .linear) },
        ]
        #expect(Set(ema.keys) == Set(statistics.keys))
        for (key, statistic) in statistics {
            for (policy, row) in zip(Self.policies, robustness.scores) {
                #expect(Oracle.close(statistic(row), Oracle.number(ema[key]![policy])), "\(key) \(policy)")
            }
        }
    }
}
