import Foundation

/// Small descriptive statistics shared by the methods, each defined the way the reference
/// implementations define it (numpy), so that results match the oracles exactly.
public enum Statistics {
    public static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// numpy `std(ddof: 0)` (population) or `std(ddof: 1)` (sample).
    public static func standardDeviation(_ values: [Double], sample: Bool = false) -> Double {
        let average = mean(values)
        let squares = values.map { ($0 - average) * ($0 - average) }.reduce(0, +)
        return (squares / Double(values.count - (sample ? 1 : 0))).squareRoot()
    }

    public static func median(_ values: [Double]) -> Double {
        quantile(values, 0.5, method: .linear)
    }

    /// How a quantile between two observations is chosen (numpy `method=`).
    public enum QuantileMethod: Sendable {
        /// Interpolates between the neighbours (numpy's default, `np.percentile`).
        case linear
        /// The nearer neighbour, an index exactly halfway rounded to even (numpy `nearest`).
        case nearest
    }

    /// The q-quantile (0...1) of the values, index q * (n - 1) into the sorted values.
    public static func quantile(_ values: [Double], _ q: Double, method: QuantileMethod) -> Double {
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        switch method {
        case .nearest:
            return sorted[Int(position.rounded(.toNearestOrEven))]
        case .linear:
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
    }

    /// Pearson's correlation coefficient; nil when either series is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : nil
    }

    /// Indices ordered best first; equal values keep their input order (a deterministic
    /// tie-break by position, so callers list alternatives in a stable order, e.g. by id).
    public static func ranking(_ values: [Double], higherIsBetter: Bool) -> [Int] {
        values.indices.sorted { a, b in
            values[a] == values[b] ? a < b : (higherIsBetter ? values[a] > values[b] : values[a] < values[b])
        }
    }
}
