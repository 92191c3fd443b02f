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
    }

    /// How far the weight of criterion `k` can rise (or fall) before another alternative wins:
    /// w_k -> t, the other weights scaled by (1 - t) / (1 - w_k). nil when the winner holds all the
    /// way to 1 (or 0). Found by scanning t and bisecting to 1e-12, which works for any method.
    public func flip(_ method: Method, weights: [Double], criterion k: Int, increasing: Bool) -> Flip? {
        let total = weights.reduce(0, +)
        let base = weights.map { $0 / total }
        let start = base[k], end = increasing ? 1.0 : 0.0
        let reweighted = { (t: Double) in
            base.indices.map { $0 == k ? t : (start < 1 ? base[$0] * (1 - t) / (1 - start) : 0) }
        }
        let winner = top(method, weights: base)
        let steps = 2_000
        var inside = start
        for step in 1...steps {
            let t = start + (end - start) * Double(step) / Double(steps)
            let leader = top(method, weights: reweighted(t))
            guard leader == winner else {
                var outside = t
                while abs(outside - inside) > 1e-12 {
                    let middle = (inside + outside) / 2
                    if top(method, weights: reweighted(middle)) == winner { inside = middle } else { outside = middle }
                }
                return Flip(weight: (inside + outside) / 2, newTop: top(method, weights: reweighted(outside)))
            }
            inside = t
        }
        return nil
    }
}
