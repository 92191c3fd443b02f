import Fluent
import Foundation

/// One goal: what it promises and how it is measured, its value today per row with the evidence,
/// the trajectory and the frozen measurements.
enum GoalPage {
    struct Model: Sendable {
        let evaluation: GoalEvaluation
        let notes: String?
        let history: [Frozen]
        let mayEdit: Bool
        let isDemo: Bool
    }

    /// A frozen measurement of the goal as a whole.
    struct Frozen: Sendable, Equatable {
        let date: CalendarDay
        let value: Double?
        let status: GoalProgress.Status?
    }

    static func query(_ goal: Goal, catalogue: IndicatorCatalogue, mayEdit: Bool, on database: Database) async throws -> Model {
        guard let evaluation = try await GoalEvaluation.evaluate([goal], catalogue: catalogue).first else {
            throw InvalidFields("indicator", localized("het doel heeft geen bekende indicator", "the goal has no known indicator"))
        }
        let history = try await GoalSnapshots.history(of: try goal.requireID(), on: database).compactMap { measurement in
            CalendarDay(measurement.reportingDate).map { Frozen(date: $0, value: measurement.value, status: measurement.status) }
        }
        return Model(evaluation: evaluation, notes: goal.notes, history: history, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
