import Analysis
import Testing

/// The budget selection against a brute-force search of every subset on small random inputs.
struct BudgetSelectionTests {
    /// A small linear congruential generator, so that every run checks the same cases.
    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func bruteForce(scores: [Double], costs: [Double], budget: Double, required: Set<Int>) -> Double? {
        var best: Double?
        for mask in 0..<(1 << scores.count) {
            let set = scores.indices.filter { mask & (1 << $0) != 0 }
            guard required.isSubset(of: set), set.reduce(0, { $0 + costs[$1] }) <= budget + 1e-9 else { continue }
            let total = set.reduce(0) { $0 + scores[$1] }
            if best == nil || total > best! { best = total }
        }
        return best
    }

    @Test(arguments: 1...60)
    func theSelectionIsTheBestOfEverySubset(seed: Int) throws {
        var numbers = Numbers(state: UInt64(seed) * 7919)
        let count = 1 + seed % 12
        let scores = (0..<count).map { _ in (numbers.next() * 100).rounded() / 100 }
        // Costs in whole thousands, some equal, now and then nothing.
        let costs = (0..<count).map { _ in numbers.next() < 0.1 ? 0 : (numbers.next() * 20).rounded() * 1000 }
        let budget = (numbers.next() * Double(count) * 8).rounded() * 1000
        let required: Set<Int> = seed % 3 == 0 ? [0] : []
        let expected = Self.bruteForce(scores: scores, costs: costs, budget: budget, required: required)
        guard let expected else {
            #expect(throws: BudgetSelection.Problem.self) { try BudgetSelection.best(scores: scores, costs: costs, budget: budget, required: required) }
            return
        }
        let selection = try BudgetSelection.best(scores: scores, costs: costs, budget: budget, required: required)
        #expect(abs(selection.totalScore - expected) < 1e-9, "seed \(seed): \(selection.totalScore) != \(expected)")
        #expect(selection.totalCost <= budget + 1e-9)
        #expect(required.isSubset(of: selection.chosen))
        #expect(abs(selection.totalScore - selection.chosen.reduce(0) { $0 + scores[$1] }) < 1e-9)
    }

    /// Costs with odd cents share no useful unit: the branch-and-bound search, not the table.
    @Test(arguments: 1...30)
    func theSearchWithoutACommonUnitIsTheBestOfEverySubsetToo(seed: Int) throws {
        var numbers = Numbers(state: UInt64(seed) * 104_729)
        let count = 2 + seed % 11
        let scores = (0..<count).map { _ in (numbers.next() * 100).rounded() / 100 }
        let costs = (0..<count).map { _ in (numbers.next() * 2_000_000).rounded() / 100 + 0.01 }
        let budget = numbers.next() * Double(count) * 8_000 + 100_000
        let expected = try #require(Self.bruteForce(scores: scores, costs: costs, budget: budget, required: []))
        let selection = try BudgetSelection.best(scores: scores, costs: costs, budget: budget)
        #expect(abs(selection.totalScore - expected) < 1e-9, "seed \(seed)")
        #expect(selection.totalCost <= budget)
    }

    /// Sixty equal projects of € 100.000 each: every set of twenty is as good as any other, which
    /// would make a plain search visit billions of sets; the table takes them in its stride.
    @Test func manyEqualProjectsAreQuick() throws {
        let selection = try BudgetSelection.best(scores: Array(repeating: 1, count: 60), costs: Array(repeating: 100_000, count: 60), budget: 2_050_000)
        #expect(selection.chosen.count == 20)
        #expect(selection.totalCost == 2_000_000)
    }

    /// Greedy by score per euro would take A (ratio 1.0) and then have no room for B or C; the
    /// best set is B and C.
    @Test func theSelectionIsNotGreedy() throws {
        let selection = try BudgetSelection.best(scores: [6, 5, 5], costs: [6, 5, 5], budget: 10)
        #expect(selection.chosen == [1, 2])
        #expect(selection.totalScore == 10)
    }

    @Test func requiredProjectsOverTheBudgetAreRefused() {
        #expect(throws: BudgetSelection.Problem.requiredOverBudget(cost: 12)) {
            try BudgetSelection.best(scores: [1, 1], costs: [12, 1], budget: 10, required: [0])
        }
    }

    @Test func equalScoresShareARank() {
        #expect(MultiCriteria.ranks([0.5, 0.9, 0.5, 0.1]) == [2, 1, 2, 4])
    }
}
