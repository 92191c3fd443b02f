import Fluent
import Foundation

/// A promise of the strategy bound to an indicator of the catalogue: from a baseline (value on a
/// day) to a target by a deadline, up or down. A goal "per growth cluster" has a row per growth
/// cluster, each measured with the cluster as the indicator's `cluster` parameter.
final class Goal: Model, @unchecked Sendable {
    static let schema = "goals"

    @ID(key: .id) var id: UUID?
    /// In URLs and the API: `fast-growers`.
    @Field(key: "key") var key: String
    @Field(key: "title_nl") var titleNL: String
    @Field(key: "title_en") var titleEN: String
    /// An indicator's id (`Indicator.ID`).
    @Field(key: "indicator") var indicator: String
    /// The indicator's parameters as `name=value` pairs separated by `;` (`definition=oecd`).
    @Field(key: "parameters") var parameters: String
    @Field(key: "per_growth_cluster") var perGrowthCluster: Bool
    @Field(key: "baseline_value") var baselineValue: Double
    @Field(key: "baseline_date") var baselineDate: String
    @Field(key: "target") var target: Double
    @Field(key: "deadline") var deadline: String
    @Field(key: "direction") var direction: GoalProgress.Direction
    /// What the goal means and where it comes from, in the adviser's words.
    @OptionalField(key: "notes") var notes: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var title: String { localized(titleNL, titleEN) }

    /// The parameters by name; unknown names are left out (the form and the API refuse them).
    var parameterValues: [Indicator.Parameter: String] {
        Self.parameters(from: parameters)
    }

    static func parameters(from text: String) -> [Indicator.Parameter: String] {
        var result: [Indicator.Parameter: String] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let name = Indicator.Parameter(rawValue: parts[0]), !parts[1].isEmpty else { continue }
            result[name] = parts[1]
        }
        return result
    }

    static func text(of parameters: [Indicator.Parameter: String]) -> String {
        parameters.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ";")
    }

    var progress: GoalProgress? {
        guard let start = CalendarDay(baselineDate), let end = CalendarDay(deadline) else { return nil }
        return GoalProgress(baseline: baselineValue, baselineDate: start, target: target, deadline: end, direction: direction)
    }
}

/// A goal's value, status and evidence frozen on a reporting date (one row per goal, and one per
/// cluster of a goal per growth cluster). Later imports and edits do not change it.
final class GoalMeasurement: Model, @unchecked Sendable {
    static let schema = "goal_measurements"

    @ID(key: .id) var id: UUID?
    @Field(key: "reporting_date") var reportingDate: String
    /// Not a reference: the measurement outlives a goal that is deleted later.
    @Field(key: "goal_id") var goalID: UUID
    @Field(key: "goal_key") var goalKey: String
    @Field(key: "title") var title: String
    /// "" for the goal as a whole; a cluster's key for its row.
    @Field(key: "row_key") var rowKey: String
    @Field(key: "row_label") var rowLabel: String
    @Field(key: "indicator") var indicator: String
    @Field(key: "parameters") var parameters: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "as_of") var asOf: String?
    @Field(key: "expected") var expected: Double
    @OptionalField(key: "status") var status: GoalProgress.Status?
    /// Why there is no value (no data for that day), as the page said it.
    @OptionalField(key: "problem") var problem: String?
    @Field(key: "baseline_value") var baselineValue: Double
    @Field(key: "baseline_date") var baselineDate: String
    @Field(key: "target") var target: Double
    @Field(key: "deadline") var deadline: String
    @Field(key: "direction") var direction: GoalProgress.Direction
    /// The evidence as JSON: `[{"id": ..., "label": ..., "link": ...}]`.
    @Field(key: "evidence") var evidence: String
    /// The import runs whose data the value was computed from: `kind:id` separated by `;`.
    @Field(key: "import_runs") var importRuns: String
    @Field(key: "taken_at") var takenAt: Date
    @OptionalField(key: "taken_by") var takenBy: UUID?

    init() {}
}
