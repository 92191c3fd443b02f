import Fluent
import Foundation

/// Doelen > a reporting date: the measurements frozen on it, as they were then.
enum GoalSnapshotPage {
    struct Model: Sendable {
        let date: CalendarDay
        let measurements: [Row]
        let isDemo: Bool
    }

    struct Row: Sendable, Equatable {
        let goalKey: String
        let title: String
        let rowLabel: String?
        let value: Double?
        let asOf: String?
        let problem: String?
        let expected: Double
        let status: GoalProgress.Status?
        let evidence: Int
        let importRuns: String
    }

    static func query(_ date: CalendarDay, on database: Database) async throws -> (Model, [GoalMeasurement]) {
        let measurements = try await GoalSnapshots.measurements(on: date.text, in: database)
        let rows = measurements.map { m in
            Row(goalKey: m.goalKey, title: m.title, rowLabel: m.rowKey.isEmpty ? nil : m.rowLabel, value: m.value, asOf: m.asOf, problem: m.problem,
                expected: m.expected, status: m.status, evidence: GoalSnapshots.evidence(m.evidence).count, importRuns: m.importRuns)
        }
        return (Model(date: date, measurements: rows, isDemo: try await Setting.isDemo(on: database)), measurements)
    }
}
