/// The programme for a budget: the set of projects with the highest total score whose costs fit
/// the budget (the 0/1 knapsack problem), found exactly by branch and bound. Projects that must
/// be in (running ones, or flagged "must include") are taken first; their costs count.
///
/// Branch and bound (Martello & Toth 1990, ch. 2): the free projects are ordered by score per
/// euro; a branch is dropped when even the fractional (LP) relaxation of what is left cannot beat
/// the best set found so far. Exact: every set the bound drops is provably no better.
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
    }

    /// The best set. `scores` and `costs` per project (costs >= 0, scores >= 0); `required`: the
    /// indices that must be in. Of sets with equal totals, the first found (which favours
    /// projects with more score per euro).
    public static func best(scores: [Double], costs: [Double], budget: Double, required: Set<Int> = []) throws(Problem) -> BudgetSelection {
        precondition(scores.count == costs.count, "a cost for every score")
        let fixedCost = required.reduce(0.0) { $0 + costs[$1] }
        guard fixedCost <= budget + 1e-9 else { throw .requiredOverBudget(cost: fixedCost) }
        // Free projects with a score; a project that scores 0 adds nothing and is left out.
        let free = scores.indices.filter { !required.contains($0) && scores[$0] > 0 }
            .sorted { a, b in
                // By score per euro, projects that cost nothing first.
                let left = costs[a] == 0 ? Double.infinity : scores[a] / costs[a], right = costs[b] == 0 ? Double.infinity : scores[b] / costs[b]
                return left == right ? a < b : left > right
            }
        var search = Search(scores: free.map { scores[$0] }, costs: free.map { costs[$0] }, capacity: budget - fixedCost)
        search.run()
        let chosen = (Array(required) + search.best.map { free[$0] }).sorted()
        return BudgetSelection(chosen: chosen, totalScore: chosen.reduce(0) { $0 + scores[$1] }, totalCost: chosen.reduce(0) { $0 + costs[$1] })
    }

    /// Depth-first search over the free projects in ratio order, with the LP bound.
    private struct Search {
        let scores: [Double]
        let costs: [Double]
        let capacity: Double
        var best: [Int] = []
        var bestScore = 0.0
        private var taken: [Int] = []

        init(scores: [Double], costs: [Double], capacity: Double) {
            (self.scores, self.costs, self.capacity) = (scores, costs, capacity)
        }

        mutating func run() {
            visit(0, score: 0, cost: 0)
        }

        /// The LP relaxation from item `i` on with `room` left: whole items while they fit, then
        /// a fraction of the next.
        private func bound(from i: Int, room: Double) -> Double {
            var room = room, value = 0.0
            for j in i..<scores.count {
                if costs[j] <= room {
                    room -= costs[j]
                    value += scores[j]
                } else {
                    return value + scores[j] * room / costs[j]
                }
            }
            return value
        }

        private mutating func visit(_ i: Int, score: Double, cost: Double) {
            if score > bestScore + 1e-12 {
                (best, bestScore) = (taken, score)
            }
            guard i < scores.count else { return }
            // Nothing left can lift the total above the best.
            guard score + bound(from: i, room: capacity - cost) > bestScore + 1e-12 else { return }
            if cost + costs[i] <= capacity + 1e-9 {
                taken.append(i)
                visit(i + 1, score: score + scores[i], cost: cost + costs[i])
                taken.removeLast()
            }
            visit(i + 1, score: score, cost: cost)
        }
    }
}
