/// Ranks alternatives (projects) on several criteria: weighted sum and TOPSIS, with the
/// normalisations of pymcdm, and how far a weight can move before the winner changes.
/// docs/methods.md section 5; oracle: pymcdm 1.4.0, cross-checked with scikit-criteria 0.10.
public struct MultiCriteria: Sendable {
    public enum Direction: Sendable {
        /// More is better (jobs, CO2 reduction).
        case benefit
        /// Less is better (cost, years to impact).
        case cost
    }

    /// Column normalisations; a cost criterion is turned around inside, so every normalised
    /// column is "more is better".
    public enum Normalisation: Sendable {
        /// (x - min) / (max - min); cost (max - x) / (max - min); a constant column gives 1s.
        case minMax
        /// x / sum; cost (1/x) / sum(1/x). Needs positive values.
        case sum
        /// x / ||x||; cost 1 - x / ||x|| (classic TOPSIS).
        case vector
        /// x / max; cost 1 - x / max.
        case max
    }

    public enum Method: Sendable {
        case weightedSum(Normalisation)
        case topsis(Normalisation)
    }

    /// `matrix[a][k]`: alternative a on criterion k.
    public let matrix: [[Double]]
    public let directions: [Direction]

    public init(matrix: [[Double]], directions: [Direction]) {
        precondition(matrix.allSatisfy { $0.count == directions.count }, "one value per criterion for every alternative")
        self.matrix = matrix
        self.directions = directions
    }

    /// The normalised matrix, same shape as `matrix`.
    public func normalised(_ normalisation: Normalisation) -> [[Double]] {
        var result = matrix
        for k in directions.indices {
            let column = matrix.map { $0[k] }
            let benefit = directions[k] == .benefit
            let values: [Double]
            switch normalisation {
            case .minMax:
                let low = column.min()!, high = column.max()!
                values = high == low ? column.map { _ in 1 } : column.map { (benefit ? $0 - low : high - $0) / (high - low) }
            case .sum:
                let terms = benefit ? column : column.map { 1 / $0 }
                let total = terms.reduce(0, +)
                values = terms.map { $0 / total }
            case .vector:
                let length = column.map { $0 * $0 }.reduce(0, +).squareRoot()
                values = column.map { benefit ? $0 / length : 1 - $0 / length }
            case .max:
                let high = column.max()!
                values = column.map { benefit ? $0 / high : 1 - $0 / high }
            }
            for a in matrix.indices { result[a][k] = values[a] }
        }
        return result
    }

    /// One score per alternative, higher is better.
    public func scores(_ method: Method, weights: [Double]) -> [Double] {
        switch method {
        case .weightedSum(let normalisation):
            return normalised(normalisation).map { row in zip(row, weights).map(*).reduce(0, +) }
        case .topsis(let normalisation):
            let weighted = normalised(normalisation).map { row in zip(row, weights).map(*) }
            let ideal = directions.indices.map { k in weighted.map { $0[k] }.max()! }
            let antiIdeal = directions.indices.map { k in weighted.map { $0[k] }.min()! }
            let distance = { (row: [Double], point: [Double]) in zip(row, point).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }
            return weighted.map { row in
                let toIdeal = distance(row, ideal), toAntiIdeal = distance(row, antiIdeal)
                return toIdeal + toAntiIdeal == 0 ? 0 : toAntiIdeal / (toIdeal + toAntiIdeal)
            }
        }
    }

    /// The best alternative; on equal scores the first.
    public func top(_ method: Method, weights: [Double]) -> Int {
        Statistics.ranking(scores(method, weights: weights), higherIsBetter: true)[0]
    }

    /// A weight at which the winner changes.
    public struct Flip: Sendable, Equatable {
        /// The new weight of the criterion (the others scaled so all still sum to 1).
        public let weight: Double
        /// The alternative that wins beyond it.
        public let newTop: Int

        public init(weight: Double, newTop: Int) {
            (self.weight, self.newTop) = (weight, newTop)
        }
    }

    /// How far the weight of criterion `k` can rise (or fall) before another alternative wins:
    /// w_k -> t, the other weights scaled by (1 - t) / (1 - w_k). nil when the winner holds all the
    /// way to 1 (or 0); a tie with the winner is not a flip. Found by scanning t (`steps` over the whole range 0-1) and bisecting to
    /// 1e-12, which works for any method. For the weighted sum the scan cannot miss a flip: every
    /// score is linear in t, so once the winner is overtaken it stays behind. For TOPSIS a lead
    /// lost and won back within one step (1/`steps`) would go unseen.
    public func flip(_ method: Method, weights: [Double], criterion k: Int, increasing: Bool, steps: Int = 2_000) -> Flip? {
        let total = weights.reduce(0, +)
        let base = weights.map { $0 / total }
        let start = base[k], end = increasing ? 1.0 : 0.0
        let scorer = Scorer(self, method)
        var buffer = base
        let winner = scorer.top(base).best
        // The alternative ahead at t, or the winner while it is still (jointly) best: a tie is not a flip.
        let leader = { (t: Double) -> Int in
            // The others keep their proportions; when they all weigh 0 they share what is freed equally.
            let rest = 1 - start, others = Double(base.count - 1)
            for l in base.indices { buffer[l] = l == k ? t : (rest > 1e-12 ? base[l] * (1 - t) / rest : (others > 0 ? (1 - t) / others : 0)) }
            let (best, scores) = scorer.top(buffer)
            return scores[winner] >= scores[best] - 1e-12 ? winner : best
        }
        let count = max(1, Int((abs(end - start) * Double(steps)).rounded(.up)))
        var inside = start
        for step in 1...count {
            let t = start + (end - start) * Double(step) / Double(count)
            guard leader(t) == winner else {
                var outside = t
                while abs(outside - inside) > 1e-12 {
                    let middle = (inside + outside) / 2
                    if leader(middle) == winner { inside = middle } else { outside = middle }
                }
                return Flip(weight: (inside + outside) / 2, newTop: leader(outside))
            }
            inside = t
        }
        return nil
    }

    /// The winner for many weight vectors, quickly: the normalisation does not depend on the
    /// weights, so it is done once. For TOPSIS with weights w >= 0 the weighted ideal of a
    /// criterion is w_k max_a r_ak (and the anti-ideal w_k min_a r_ak), so each distance is
    /// sqrt(sum_k w_k^2 P_ak) with P fixed.
    private struct Scorer {
        let method: Method
        let normalised: [[Double]]
        /// TOPSIS: (r_ak - max_k)^2 and (r_ak - min_k)^2.
        let toIdeal: [[Double]]
        let toAntiIdeal: [[Double]]

        init(_ problem: MultiCriteria, _ method: Method) {
            self.method = method
            switch method {
            case .weightedSum(let normalisation):
                normalised = problem.normalised(normalisation)
                (toIdeal, toAntiIdeal) = ([], [])
            case .topsis(let normalisation):
                let matrix = problem.normalised(normalisation)
                normalised = matrix
                let criteria = problem.directions.indices
                let high = criteria.map { k in matrix.map { $0[k] }.max() ?? 0 }, low = criteria.map { k in matrix.map { $0[k] }.min() ?? 0 }
                toIdeal = matrix.map { row in criteria.map { (row[$0] - high[$0]) * (row[$0] - high[$0]) } }
                toAntiIdeal = matrix.map { row in criteria.map { (row[$0] - low[$0]) * (row[$0] - low[$0]) } }
            }
        }

        /// The best alternative under `weights` (on equal scores the first) and every score.
        func top(_ weights: [Double]) -> (best: Int, scores: [Double]) {
            var best = 0, bestScore = -Double.infinity
            var scores = [Double](repeating: 0, count: normalised.count)
            switch method {
            case .weightedSum:
                for a in normalised.indices {
                    var score = 0.0
                    for k in weights.indices { score += weights[k] * normalised[a][k] }
                    scores[a] = score
                    if score > bestScore { (best, bestScore) = (a, score) }
                }
            case .topsis:
                for a in normalised.indices {
                    var plus = 0.0, minus = 0.0
                    for k in weights.indices {
                        let square = weights[k] * weights[k]
                        plus += square * toIdeal[a][k]
                        minus += square * toAntiIdeal[a][k]
                    }
                    let (toIdeal, toAntiIdeal) = (plus.squareRoot(), minus.squareRoot())
                    let score = toIdeal + toAntiIdeal == 0 ? 0 : toAntiIdeal / (toIdeal + toAntiIdeal)
                    scores[a] = score
                    if score > bestScore { (best, bestScore) = (a, score) }
                }
            }
            return (best, scores)
        }
    }
}

extension MultiCriteria {
    /// Competition ranks ("1224"): 1 for the best score, equal scores share a rank, and the next
    /// rank counts the alternatives ahead. Scores within 1e-12 of each other count as equal.
    public static func ranks(_ scores: [Double]) -> [Int] {
        scores.map { score in 1 + scores.filter { $0 > score + 1e-12 }.count }
    }
}
