import Analysis
import Fluent
import Foundation
import SQLKit

/// The projects ranked on the five criteria by the weighted sum (min-max normalised) and by
/// TOPSIS (vector normalised, the classic form), how robust the top is to each weight, and the
/// best programme for a budget. The figures of `Analysis.MultiCriteria` and
/// `Analysis.BudgetSelection`; docs/methods.md section 5.
struct ProgrammeRanking: Sendable {
    enum Method: String, CaseIterable, Codable, Sendable {
        case wsm, topsis

        var label: String {
            switch self {
            case .wsm: localized("Gewogen som (min-max)", "Weighted sum (min-max)")
            case .topsis: "TOPSIS"
            }
        }

        var analysis: MultiCriteria.Method {
            switch self {
            case .wsm: .weightedSum(.minMax)
            case .topsis: .topsis(.vector)
            }
        }
    }

    /// A project the ranking weighs: the median score per criterion.
    struct Candidate: Sendable {
        let id: UUID
        let name: String
        let phase: Project.Phase
        let municipalShare: Double?
        let mustInclude: Bool
        /// In `Criterion.allCases` order.
        let medians: [Double]
    }

    /// A project left out, and why.
    struct Left: Sendable, Equatable {
        let id: UUID
        let name: String
        let reason: String
    }

    /// A ranked project under one method.
    struct Row: Sendable {
        let candidate: Candidate
        let score: Double
        /// 1 for the best; equal scores share a rank.
        let rank: Int
        /// The normalised value per criterion (`Criterion.allCases` order).
        let normalised: [Double]
    }

    /// A running or "must include" project that cannot be ranked (a criterion without scores):
    /// the budget selection still counts it in.
    struct Committed: Sendable, Equatable {
        let id: UUID
        let name: String
        let municipalShare: Double?
    }

    let candidates: [Candidate]
    let left: [Left]
    let weights: ProgrammeWeights
    var committed: [Committed] = []

    private var problem: MultiCriteria {
        MultiCriteria(matrix: candidates.map(\.medians), directions: Criterion.allCases.map { _ in .benefit })
    }

    /// Projects that are not done or stopped and have a score on every criterion, by name.
    ///
    /// One SQL query returns a row per project with its scores packed as `impact:4,vliegwiel:3,...`
    /// (`group_concat`, `string_agg` on PostgreSQL): decoding a few columns of 200 rows instead of an
    /// object per score keeps the ranking, sensitivity and selection of 200 projects fast (bench/programme.sh).
    static func load(weights: ProgrammeWeights, on database: Database) async throws -> ProgrammeRanking {
        let sql = database as! any SQLDatabase
        let packed = sql.dialect.name == "postgresql" ? "string_agg(s.criterion || ':' || s.score::text, ',')" : "group_concat(s.criterion || ':' || s.score, ',')"
        let rows = try await sql.raw("""
            SELECT p.id, p.name, p.phase, p.budget_municipal, p.must_include, \(unsafeRaw: packed) AS scores
            FROM projects p LEFT JOIN project_scores s ON s.project_id = p.id
            GROUP BY p.id, p.name, p.phase, p.budget_municipal, p.must_include
            """).all(decoding: ProjectRow.self).map { ($0.name, $0.id.uuidString, $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        var candidates: [Candidate] = [], left: [Left] = [], committed: [Committed] = []
        for project in rows {
            guard let phase = Project.Phase(rawValue: project.phase), phase.isCandidate || phase.isCommitted else {
                let label = Project.Phase(rawValue: project.phase)?.label.lowercased() ?? project.phase
                left.append(Left(id: project.id, name: project.name, reason: localized("fase \(label)", "phase \(label)")))
                continue
            }
            let summaries = project.scoresByCriterion.compactMapValues(ProgrammeScores.Summary.init)
            let missing = Criterion.allCases.filter { summaries[$0] == nil }
            guard missing.isEmpty else {
                if project.mustInclude || phase.isCommitted {
                    committed.append(Committed(id: project.id, name: project.name, municipalShare: project.budgetMunicipal))
                }
                left.append(Left(id: project.id, name: project.name, reason: localized("nog geen score op \(missing.map(\.name).joined(separator: ", "))",
                                                                                       "no score yet on \(missing.map(\.name).joined(separator: ", "))")))
                continue
            }
            candidates.append(Candidate(id: project.id, name: project.name, phase: phase, municipalShare: project.budgetMunicipal,
                                        mustInclude: project.mustInclude, medians: Criterion.allCases.map { summaries[$0]!.median }))
        }
        return ProgrammeRanking(candidates: candidates, left: left, weights: weights, committed: committed)
    }

    /// A project's row as `load` reads it.
    private struct ProjectRow: Decodable {
        let id: UUID, name: String, phase: String, budgetMunicipal: Double?, mustInclude: Bool
        /// `criterion:score` pairs, comma-separated; nil without scores.
        let scores: String?
        enum CodingKeys: String, CodingKey { case id, name, phase, scores, budgetMunicipal = "budget_municipal", mustInclude = "must_include" }

        var scoresByCriterion: [Criterion: [Int]] {
            var result: [Criterion: [Int]] = [:]
            for pair in (scores ?? "").utf8.split(separator: UInt8(ascii: ",")) {
                guard let colon = pair.firstIndex(of: UInt8(ascii: ":")),
                      let criterion = Criterion(rawValue: String(decoding: pair[..<colon], as: UTF8.self)),
                      let score = Int(String(decoding: pair[pair.index(after: colon)...], as: UTF8.self)) else { continue }
                result[criterion, default: []].append(score)
            }
            return result
        }
    }

    /// Best first; equal scores by name.
    func rows(_ method: Method) -> [Row] {
        guard !candidates.isEmpty else { return [] }
        let problem = problem
        let scores = problem.scores(method.analysis, weights: weights.list)
        let normalised = problem.normalised(method == .wsm ? .minMax : .vector)
        let ranks = MultiCriteria.ranks(scores)
        return candidates.indices.map { Row(candidate: candidates[$0], score: scores[$0], rank: ranks[$0], normalised: normalised[$0]) }
            .sorted { ($0.rank, $0.candidate.name) < ($1.rank, $1.candidate.name) }
    }

    /// Where the two methods rank a project differently: (project, rank by the weighted sum, rank by TOPSIS).
    func disagreements() -> [(name: String, wsm: Int, topsis: Int)] {
        let topsis = Dictionary(uniqueKeysWithValues: rows(.topsis).map { ($0.candidate.id, $0.rank) })
        return rows(.wsm).compactMap { row in
            topsis[row.candidate.id].flatMap { $0 == row.rank ? nil : (row.candidate.name, row.rank, $0) }
        }
    }

    /// How far one criterion's weight can move before the top project changes.
    struct Sensitivity: Sendable {
        struct Move: Sendable, Equatable {
            /// The weight at which another project takes the top.
            let weight: Double
            let newTop: String
            let newTopID: UUID
        }

        let criterion: Criterion
        let weight: Double
        /// nil: the top holds all the way (to 1, or to 0).
        let up: Move?
        let down: Move?
    }

    /// Per criterion, the move up and down; empty with fewer than two projects.
    func sensitivity(_ method: Method) -> (top: Candidate, criteria: [Sensitivity])? {
        guard candidates.count >= 2 else { return nil }
        let problem = problem, list = weights.list
        let top = candidates[problem.top(method.analysis, weights: list)]
        let criteria = Criterion.allCases.enumerated().map { k, criterion in
            let move = { (increasing: Bool) -> Sensitivity.Move? in
                problem.flip(method.analysis, weights: list, criterion: k, increasing: increasing, steps: 500).map {
                    Sensitivity.Move(weight: $0.weight, newTop: candidates[$0.newTop].name, newTopID: candidates[$0.newTop].id)
                }
            }
            return Sensitivity(criterion: criterion, weight: list[k], up: move(true), down: move(false))
        }
        return (top, criteria)
    }

    /// The programme for a budget.
    struct Selection: Sendable {
        struct Missed: Sendable {
            let row: Row
            let reason: String
        }

        let budget: Double
        let method: Method
        let chosen: [Row]
        /// Running or "must include" projects without a ranking: in, with their municipal share counted.
        let alsoIn: [Committed]
        let totalScore: Double
        let totalCost: Double
        /// The best projects not chosen (at most five), with why.
        let missed: [Missed]
        /// Candidates the selection cannot weigh (no municipal share).
        let unpriced: [Left]
    }

    /// The set of projects with the highest total score (under `method`) whose municipal shares
    /// fit `budget`, found exactly. Running projects and those marked "must include" are in and
    /// count against the budget, ranked or not; a project without a municipal share cannot be weighed.
    func selection(budget: Double, method: Method) throws -> Selection {
        let rows = rows(method)
        let pool = rows.filter { $0.candidate.municipalShare != nil }
        let noShare = localized("geen gemeentelijk deel van het budget ingevuld", "no municipal share of the budget entered")
        let unpriced = rows.filter { $0.candidate.municipalShare == nil }.map { Left(id: $0.candidate.id, name: $0.candidate.name, reason: noShare) }
            + committed.filter { $0.municipalShare == nil }.map { Left(id: $0.id, name: $0.name, reason: noShare) }
        let alsoIn = committed.filter { $0.municipalShare != nil }
        let alsoCost = alsoIn.reduce(0.0) { $0 + $1.municipalShare! }
        let scores = pool.map(\.score), costs = pool.map { $0.candidate.municipalShare! }
        let required = Set(pool.indices.filter { pool[$0].candidate.mustInclude || pool[$0].candidate.phase.isCommitted })
        let room = budget - alsoCost
        let overBudget = { (cost: Double) in
            InvalidFields("budget", localized(
                "de lopende projecten en die met 'moet mee' kosten samen al \(Format.euros(cost)), meer dan het budget van \(Format.euros(budget))",
                "the running projects and those marked 'must include' already cost \(Format.euros(cost)) together, more than the budget of \(Format.euros(budget))"))
        }
        let best: BudgetSelection
        do {
            guard room >= 0 else { throw overBudget(alsoCost + required.reduce(0.0) { $0 + costs[$1] }) }
            best = try BudgetSelection.best(scores: scores, costs: costs, budget: room, required: required)
        } catch BudgetSelection.Problem.requiredOverBudget(let cost) {
            throw overBudget(cost + alsoCost)
        } catch BudgetSelection.Problem.tooManyCombinations {
            throw InvalidFields("budget", localized(
                "te veel even goede combinaties om ze allemaal na te gaan; vul de gemeentelijke bijdragen in ronde bedragen in (bijvoorbeeld duizenden euro's)",
                "too many equally good combinations to check them all; enter the municipal shares in round amounts (thousands of euros, say)"))
        }
        let chosenSet = Set(best.chosen)
        let fixedCost = alsoCost + required.reduce(0.0) { $0 + costs[$1] }
        var missed: [Selection.Missed] = []
        for index in pool.indices where !chosenSet.contains(index) && missed.count < 5 {
            let row = pool[index]
            let reason: String
            if costs[index] > budget - fixedCost + 1e-9 {
                reason = localized("kost \(Format.euros(costs[index])); naast de vaste projecten is er \(Format.euros(budget - fixedCost))",
                                   "costs \(Format.euros(costs[index])); besides the fixed projects there is \(Format.euros(budget - fixedCost))")
            } else if row.score <= 0 {
                reason = localized("scoort 0: het voegt niets toe aan het totaal", "scores 0: it adds nothing to the total")
            } else if let with = try? BudgetSelection.best(scores: scores, costs: costs, budget: room, required: required.union([index])) {
                reason = localized("past alleen als andere projecten wijken; het totaal zou dan \(Format.decimal(best.totalScore - with.totalScore, digits: 3)) lager zijn",
                                   "fits only if other projects give way; the total would then be \(Format.decimal(best.totalScore - with.totalScore, digits: 3)) lower")
            } else {
                reason = localized("past niet in het budget", "does not fit the budget")
            }
            missed.append(Selection.Missed(row: row, reason: reason))
        }
        return Selection(budget: budget, method: method, chosen: best.chosen.map { pool[$0] }, alsoIn: alsoIn, totalScore: best.totalScore,
                         totalCost: best.totalCost + alsoCost,
                         missed: missed, unpriced: unpriced)
    }
}
