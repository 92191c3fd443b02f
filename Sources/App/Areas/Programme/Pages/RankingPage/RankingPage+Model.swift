import Fluent
import Foundation

/// Programma > Rangorde: the projects ranked by the weighted sum and by TOPSIS side by side, where
/// the two disagree, and how far each weight can move before the top project changes. Weights can
/// be tried without saving (`w_<criterion>=` in the URL); advisers save them with a reason.
enum RankingPage {
    struct Model: Sendable {
        let ranking: ProgrammeRanking
        /// The saved weights (the trial ones are in `ranking.weights`).
        let saved: ProgrammeWeights
        let isTrial: Bool
        let mayEdit: Bool
        /// The weights form as sent (trial or refused save), per criterion.
        var weightFields: [Criterion: String]
        var reason: String?
        var problems: [FieldProblem] = []
    }

    static func query(trial: [Criterion: String]?, mayEdit: Bool, on database: Database) async throws -> Model {
        let saved = try await ProgrammeWeights.current(on: database)
        var weights = saved
        if let trial {
            weights = ProgrammeWeights(values: try ProgrammeWeights.parse(trial) { "w_\($0.rawValue)" }, reason: nil)
        }
        let ranking = try await ProgrammeRanking.load(weights: weights, on: database)
        return Model(ranking: ranking, saved: saved, isTrial: trial != nil, mayEdit: mayEdit,
                     weightFields: trial ?? Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, Format.plain(((saved.values[$0] ?? 0) * 1000).rounded() / 1000)) }),
                     reason: saved.reason)
    }
}
