import Fluent
import Foundation

/// Doelen > a new goal, or one changed: its indicator with parameters, baseline, target, deadline
/// and direction.
enum GoalForm {
    struct Model: Sendable {
        /// The key of the goal being changed; nil for a new one.
        let key: String?
        let input: GoalInput
        let problems: [FieldProblem]
        /// The clusters' keys, for the parameters' hint.
        let clusterKeys: [String]
    }

    static func query(key: String?, input: GoalInput, problems: [FieldProblem], on database: Database) async throws -> Model {
        Model(key: key, input: input, problems: problems, clusterKeys: try await ClusterService.all(on: database).map(\.key))
    }
}
