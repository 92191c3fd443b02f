import Fluent
import Foundation

/// Doelen: every goal with its value today, the trajectory's point for today and its status; the
/// reporting dates frozen so far, and the form to freeze one.
enum GoalsIndex {
    struct Model: Sendable {
        let today: CalendarDay
        let goals: [GoalEvaluation]
        let frozen: [GoalSnapshots.Frozen]
        let mayEdit: Bool
        let isDemo: Bool
        /// The freeze form as sent, when it was refused.
        var date: String? = nil
        var problems: [FieldProblem] = []
    }

    static func query(catalogue: IndicatorCatalogue, mayEdit: Bool, on database: Database) async throws -> Model {
        Model(today: catalogue.today, goals: try await GoalEvaluation.evaluate(try await GoalService.all(on: database), catalogue: catalogue),
              frozen: try await GoalSnapshots.frozen(on: database), mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
