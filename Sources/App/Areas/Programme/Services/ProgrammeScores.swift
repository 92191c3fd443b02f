import Analysis
import Fluent
import Foundation

/// The assessors' scores of the projects: per project and criterion the median of the assessors,
/// with the spread (lowest and highest) so that disagreement shows.
struct ProgrammeScores: Sendable {
    /// One assessor's score as a page and the API show it.
    struct Score: Sendable, Equatable {
        let criterion: Criterion
        let score: Int
        let rationale: String
        /// `user:<id>`, `person:<id>`, or `erased` when the person was erased (AVG).
        let assessorKey: String
        let assessorName: String
        let scoredOn: String
    }

    /// A criterion's scores of one project taken together.
    struct Summary: Sendable, Equatable {
        let median: Double
        let lowest: Int
        let highest: Int
        let count: Int

        /// The assessors disagree when their scores lie two or more points apart.
        var disagreement: Bool { highest - lowest >= 2 }

        init?(_ scores: [Int]) {
            guard let lowest = scores.min(), let highest = scores.max() else { return nil }
            (self.median, self.lowest, self.highest, self.count) = (Statistics.median(scores.map(Double.init)), lowest, highest, scores.count)
        }
    }

    /// Every score per project.
    let scores: [UUID: [Score]]

    func summaries(of project: UUID) -> [Criterion: Summary] {
        var result: [Criterion: Summary] = [:]
        let mine = scores[project] ?? []
        for criterion in Criterion.allCases {
            result[criterion] = Summary(mine.filter { $0.criterion == criterion }.map(\.score))
        }
        return result
    }

    /// The scores of `projects` (all when nil), with the assessors' names.
    static func load(projects: [UUID]? = nil, on database: Database) async throws -> ProgrammeScores {
        var query = ProjectScore.query(on: database).with(\.$assessorUser).with(\.$assessorPerson)
        if let projects { query = query.filter(\.$project.$id ~~ projects) }
        var result: [UUID: [Score]] = [:]
        for row in try await query.all() {
            guard let criterion = Criterion(rawValue: row.criterion) else { continue }
            let (key, name) = try Assessor.describe(user: row.assessorUser, person: row.assessorPerson)
            result[row.$project.id, default: []].append(Score(criterion: criterion, score: row.score, rationale: row.rationale, assessorKey: key,
                                                              assessorName: name, scoredOn: row.scoredOn))
        }
        return ProgrammeScores(scores: result.mapValues { $0.sorted { ($0.assessorName, $0.criterion.rawValue) < ($1.assessorName, $1.criterion.rawValue) } })
    }
}
