/// The programme for a budget: the set of projects with the highest total score whose costs fit
/// the budget (the 0/1 knapsack problem), found exactly. Projects that must be in (running ones,
/// or flagged "must include") are taken first; their costs count.
///
/// Amounts are counted in whole cents, so "fits" is exact. When the costs share a unit (round
/// amounts: thousands of euros) the search is dynamic programming over that unit, which takes
/// (projects x budget / unit) steps whatever the scores are. Otherwise it is a depth-first branch
/// and bound (Martello & Toth 1990, ch. 2) over the projects ordered by score per euro, dropping a
/// branch when even the fractional (LP) relaxation of what is left cannot beat the best set found;
/// it gives up (`tooManyCombinations`) rather than run for minutes on many equal projects.
public struct BudgetSelection: Sendable, Equatable {
    /// The chosen projects' indices, in input order.
    public let chosen: [Int]
    public let totalScore: Double
    public let totalCost: Double

    public init(chosen: [Int], totalScore: Double, totalCost: Double) {
        (self.chosen, self.totalScore, self.totalCost) = (chosen, totalScore, totalCost)
    }

    /// Why no selection exists.
    public enum Problem: Error, Equatable, Sendable {
        /// The projects that must be in cost more than the budget on their own.
        case requiredOverBudget(cost: Double)
        /// Costs without a common unit and too many near-equal combinations to search exactly.
        case tooManyCombinations
    }

    /// Dynamic programming is used up to this many (project, budget step) cells.
    static let tableLimit = 20_000_000
    /// Branch and bound stops after visiting this many sets.
    static let searchLimit = 5_000_000

    /// The best set. `scores` and `costs` per project (costs >= 0 in euros, scores >= 0);
    /// `required`: the indices that must be in. A project that scores 0 is left out unless required.
    public static func best(scores: [Double], costs: [Double], budget: Double, required: Set<Int> = []) throws(Problem) -> BudgetSelection {
        precondition(scores.count == costs.count, "a cost for every score")
        let cents = costs.map { Int64(($0 * 100).rounded()) }
        let fixed = required.reduce(Int64(0)) { $0 + cents[$1] }
        let budgetCents = Int64((budget * 100).rounded(.down))
        guard fixed <= budgetCents else { throw .requiredOverBudget(cost: required.reduce(0.0) { $0 + costs[$1] }) }
        let capacity = budgetCents - fixed
        // Free projects that add something and fit at all; those that cost nothing are simply in.
        let candidates = scores.indices.filter { !required.contains($0) && scores[$0] > 0 && cents[$0] <= capacity }
        let free = candidates.filter { cents[$0] == 0 }
        let priced = candidates.filter { cents[$0] > 0 }
        let unit = priced.reduce(Int64(0)) { gcd($0, cents[$1]) }
        let picked: [Int]
        if priced.isEmpty {
            picked = []
        } else if Int64(priced.count) * (capacity / unit + 1) <= Int64(tableLimit) {
            picked = table(priced.map { scores[$0] }, priced.map { Int(cents[$0] / unit) }, capacity: Int(capacity / unit)).map { priced[$0] }
        } else {
            let ordered = priced.sorted { a, b in
                let left = scores[a] / Double(cents[a]), right = scores[b] / Double(cents[b])
                return left == right ? a < b : left > right
            }
            var search = Search(scores: ordered.map { scores[$0] }, costs: ordered.map { cents[$0] }, capacity: capacity)
            guard search.run() else { throw .tooManyCombinations }
            picked = search.best.map { ordered[$0] }
        }
        let chosen = (Array(required) + free + picked).sorted()
        return BudgetSelection(chosen: chosen, totalScore: chosen.reduce(0) { $0 + scores[$1] }, totalCost: chosen.reduce(0) { $0 + costs[$1] })
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        b == 0 ? a : gcd(b, a % b)
    }

    /// 0/1 knapsack by dynamic programming: `best[w]` the highest total within `w` units, with per
    /// project the budgets at which taking it improved the total, to trace the set back.
    private static func table(_ scores: [Double], _ costs: [Int], capacity: Int) -> [Int] {
        var best = [Double](repeating: 0, count: capacity + 1)
        var took = [Bool](repeating: false, count: scores.count * (capacity + 1))
        for i in scores.indices where costs[i] <= capacity {
            for w in stride(from: capacity, through: costs[i], by: -1) where best[w - costs[i]] + scores[i] > best[w] + 1e-12 {
                best[w] = best[w - costs[i]] + scores[i]
                took[i * (capacity + 1) + w] = true
            }
        }
        var chosen: [Int] = [], w = capacity
        for i in scores.indices.reversed() where took[i * (capacity + 1) + w] {
            chosen.append(i)
            w -= costs[i]
        }
        return chosen
    }

    /// Depth-first search over the projects in ratio order, with the LP bound and a limit.
    private struct Search {
        let scores: [Double]
        let costs: [Int64]
        let capacity: Int64
        var best: [Int] = []
        var bestScore = 0.0
        private var taken: [Int] = []
        private var visited = 0

        init(scores: [Double], costs: [Int64], capacity: Int64) {
            (self.scores, self.costs, self.capacity) = (scores, costs, capacity)
        }

        /// False when the limit was reached before the search was complete.
        mutating func run() -> Bool {
            visit(0, score: 0, cost: 0)
        }

        /// The LP relaxation from item `i` on with `room` left: whole items while they fit, then
        /// a fraction of the next.
        private func bound(from i: Int, room: Int64) -> Double {
            var room = room, value = 0.0
            for j in i..<scores.count {
                if costs[j] <= room {
                    room -= costs[j]
                    value += scores[j]
                } else {
                    return value + scores[j] * Double(room) / Double(costs[j])
                }
            }
            return value
        }

        private mutating func visit(_ i: Int, score: Double, cost: Int64) -> Bool {
            visited += 1
            guard visited <= BudgetSelection.searchLimit else { return false }
            if score > bestScore + 1e-12 {
                (best, bestScore) = (taken, score)
            }
            guard i < scores.count else { return true }
            // Nothing left can lift the total above the best.
            guard score + bound(from: i, room: capacity - cost) > bestScore + 1e-12 else { return true }
            if cost + costs[i] <= capacity {
                taken.append(i)
                let complete = visit(i + 1, score: score + scores[i], cost: cost + costs[i])
                taken.removeLast()
                guard complete else { return false }
            }
            return visit(i + 1, score: score, cost: cost)
        }
    }
}
