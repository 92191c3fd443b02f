import Analysis
import Testing

/// Oracle 05: pymcdm 1.4.0 and scikit-criteria 0.10 (METHODS.md section 5).
struct MultiCriteriaTests {
    static var oracle: [String: Any] { Oracle.load("05_mcda_wsm_topsis_sensitivity") }
    static var alternatives: [String] { oracle["alternatives"] as! [String] }
    static var criteria: [String] { oracle["criteria"] as! [String] }
    static var weights: [Double] { Oracle.numbers(oracle["weights"]).map { $0! } }
    static var problem: MultiCriteria {
        let directions = (oracle["criterion_types (1 benefit, -1 cost)"] as! [Int]).map { $0 == 1 ? MultiCriteria.Direction.benefit : .cost }
        return MultiCriteria(matrix: (oracle["matrix"] as! [[Any]]).map { Oracle.numbers($0).map { $0! } }, directions: directions)
    }

    static let methods: [String: MultiCriteria.Method] = [
        "WSM_minmax": .weightedSum(.minMax),
        "WSM_sum(pymcdm default)": .weightedSum(.sum),
        "TOPSIS_vector(classic Hwang-Yoon)": .topsis(.vector),
        "TOPSIS_minmax(pymcdm default)": .topsis(.minMax),
    ]

    @Test(arguments: methods.keys.sorted())
    func scoresAndRankingMatchPymcdm(method key: String) {
        let expected = (Self.oracle["results"] as! [String: [String: Any]])[key]!
        let wanted = (expected["scores"] as! [String: Any]).mapValues { Oracle.number($0)! }
        let scores = Self.problem.scores(Self.methods[key]!, weights: Self.weights)
        for (name, score) in zip(Self.alternatives, scores) {
            #expect(Oracle.close(score, wanted[name]), "\(key) \(name): \(score)")
        }
        let ranking = Statistics.ranking(scores, higherIsBetter: true).map { Self.alternatives[$0] }
        #expect(ranking == expected["ranking_best_first"] as! [String])
    }

    /// Thresholds within 1e-6 (METHODS.md "Tolerances"), in both directions, with the new winner.
    @Test(arguments: ["WSM_minmax", "TOPSIS_vector(classic Hwang-Yoon)"])
    func weightSensitivityMatchesTheOracle(method key: String) {
        let expected = (Self.oracle["sensitivity"] as! [String: [String: [String: Any]]])[key]!
        for (k, criterion) in Self.criteria.enumerated() {
            for (direction, increasing) in [("increase", true), ("decrease", false)] {
                let flip = Self.problem.flip(Self.methods[key]!, weights: Self.weights, criterion: k, increasing: increasing)
                guard let wanted = expected[criterion]![direction] as? [String: Any] else {
                    #expect(flip == nil, "\(key) \(criterion) \(direction): no flip expected")
                    continue
                }
                #expect(Oracle.close(flip?.weight, Oracle.number(wanted["threshold_weight"]), tolerance: 1e-6), "\(key) \(criterion) \(direction)")
                #expect(flip.map { Self.alternatives[$0.newTop] } == wanted["new_top"] as? String)
            }
        }
    }

    @Test func constantColumnScoresOneUnderMinMax() {
        let problem = MultiCriteria(matrix: [[1, 5], [2, 5]], directions: [.benefit, .cost])
        #expect(problem.normalised(.minMax).map { $0[1] } == [1, 1])
        #expect(problem.scores(.weightedSum(.minMax), weights: [0.5, 0.5]) == [0.5, 1])
    }

    /// Raising the weight of a criterion both alternatives share only brings them level at 1:
    /// a tie is not a change of winner.
    @Test func aTieWithTheWinnerIsNotAFlip() {
        let problem = MultiCriteria(matrix: [[1, 3], [1, 5]], directions: [.benefit, .benefit])
        #expect(problem.top(.weightedSum(.minMax), weights: [0.5, 0.5]) == 1)
        #expect(problem.flip(.weightedSum(.minMax), weights: [0.5, 0.5], criterion: 0, increasing: true) == nil)
        #expect(problem.flip(.topsis(.vector), weights: [0.5, 0.5], criterion: 0, increasing: true) == nil)
    }

    /// With all the weight on one criterion, lowering it hands the others equal shares: the
    /// project strong on the others takes the top once they weigh more than half.
    @Test func aCriterionWithAllTheWeightCanStillBeLowered() {
        let problem = MultiCriteria(matrix: [[5, 1], [1, 5]], directions: [.benefit, .benefit])
        let flip = problem.flip(.weightedSum(.minMax), weights: [1, 0], criterion: 0, increasing: false)
        #expect(flip?.newTop == 1)
        #expect(abs((flip?.weight ?? 0) - 0.5) < 1e-6)
    }
}
