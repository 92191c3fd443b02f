import Fluent
import Foundation
import SQLKit
import Vapor

/// Goals: finding, saving (audited) and deleting one; measuring them on a day (`evaluate`); and
/// freezing those measurements for a reporting date (`freeze`).
struct GoalService {
    let database: Database
    let actor: Audit.Actor

    static func find(key: String, on database: Database) async throws -> Goal {
        guard key.count <= 40, let goal = try await Goal.query(on: database).filter(\.$key == key.lowercased()).first() else {
            throw Abort(.notFound, reason: localized("Het doel '\(key.prefix(40))' bestaat niet.", "The goal '\(key.prefix(40))' does not exist."))
        }
        return goal
    }

    /// Every goal, by deadline, then title.
    static func all(on database: Database) async throws -> [Goal] {
        try await Goal.query(on: database).all().sorted { ($0.deadline, $0.title) < ($1.deadline, $1.title) }
    }

    @discardableResult
    func save(_ values: GoalInput.Values, to goal: Goal = Goal()) async throws -> Goal {
        let isNew = goal.id == nil
        if let other = try await Goal.query(on: database).filter(\.$key == values.key).first(), other.id != goal.id {
            throw InvalidFields("key", localized("'\(values.key)' heeft al een ander doel", "'\(values.key)' is taken by another goal"))
        }
        let before = isNew ? [:] : Self.fields(of: goal)
        let progress = values.progress
        (goal.key, goal.titleNL, goal.titleEN, goal.indicator) = (values.key, values.titleNL, values.titleEN, values.indicator.id.rawValue)
        (goal.parameters, goal.perGrowthCluster, goal.notes) = (Goal.text(of: values.parameters), values.perGrowthCluster, values.notes)
        (goal.baselineValue, goal.baselineDate, goal.target) = (progress.baseline, progress.baselineDate.text, progress.target)
        (goal.deadline, goal.direction) = (progress.deadline.text, progress.direction)
        let after = Self.fields(of: goal)
        try await database.transaction { database in
            try await goal.save(on: database)
            try await Audit.record(isNew ? .create : .update, .goal, id: try goal.requireID().uuidString,
                                   changes: after.keys.sorted().map { .value($0, old: before[$0], new: after[$0]) }, by: actor, on: database)
        }
        return goal
    }

    /// Deletes a goal; its frozen measurements stay (a council's report may cite them).
    func delete(_ goal: Goal) async throws {
        try await Audit.delete(goal, as: .goal, changes: [.value("key", old: goal.key, new: nil), .value("title_nl", old: goal.titleNL, new: nil)],
                               by: actor, on: database)
    }

    private static func fields(of goal: Goal) -> [String: String] {
        ["key": goal.key, "title_nl": goal.titleNL, "title_en": goal.titleEN, "indicator": goal.indicator, "parameters": goal.parameters,
         "per_growth_cluster": String(goal.perGrowthCluster), "baseline_value": Format.plain(goal.baselineValue), "baseline_date": goal.baselineDate,
         "target": Format.plain(goal.target), "deadline": goal.deadline, "direction": goal.direction.rawValue, "notes": goal.notes ?? ""]
    }
}

/// A goal measured on a day: per row (the goal itself, or each growth cluster) the indicator's
/// value with its evidence and the status against the trajectory.
struct GoalEvaluation: Sendable {
    struct Row: Sendable {
        /// "" for the goal itself; the cluster's key for a goal per growth cluster.
        let key: String
        let label: String
        let parameters: [Indicator.Parameter: String]
        let value: IndicatorValue?
        /// Why there is no value (no data for the day, a cluster gone).
        let problem: String?
        let status: GoalProgress.Status?
    }

    let goalID: UUID
    let key: String
    let title: String
    let indicator: Indicator
    let parameters: [Indicator.Parameter: String]
    let perGrowthCluster: Bool
    let progress: GoalProgress
    let day: CalendarDay
    /// Where the trajectory is on `day`.
    let expected: Double
    let rows: [Row]

    /// The goal's own value: its one row's, or for a goal per growth cluster the furthest behind
    /// (the goal holds when it holds for every cluster).
    var current: Row? {
        guard perGrowthCluster else { return rows.first }
        let measured = rows.filter { $0.value != nil }
        return progress.direction == .increase ? measured.min { $0.value!.value < $1.value!.value } : measured.max { $0.value!.value < $1.value!.value }
    }

    /// The worst status of the rows (met, then on track, at risk, off track); none while a row
    /// has no value (a cluster that cannot be measured cannot be said to be met).
    var status: GoalProgress.Status? {
        let order = GoalProgress.Status.allCases
        guard rows.allSatisfy({ $0.status != nil }) else { return nil }
        return rows.compactMap(\.status).max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
    }

    /// The records behind the goal's own value (for a goal per growth cluster: the row furthest behind).
    var evidence: [IndicatorValue.Evidence] {
        current?.value?.evidence ?? []
    }

    /// Measures `goals` on the catalogue's day. A goal per growth cluster gets a row per growth
    /// cluster in use.
    static func evaluate(_ goals: [Goal], catalogue: IndicatorCatalogue) async throws -> [GoalEvaluation] {
        let growthClusters = try await ClusterService.all(on: catalogue.database).filter(\.isGrowthCluster)
        var result: [GoalEvaluation] = []
        for goal in goals {
            guard let indicator = Indicator.find(goal.indicator), let progress = goal.progress else { continue }
            let parameters = goal.parameterValues
            let targets: [(key: String, label: String, parameters: [Indicator.Parameter: String])] = goal.perGrowthCluster
                ? growthClusters.map { cluster in (cluster.key, cluster.name, parameters.merging([.cluster: cluster.key]) { $1 }) }
                : [("", goal.title, parameters)]
            var rows: [Row] = []
            for target in targets {
                do {
                    let value = try await catalogue.value(of: indicator, parameters: target.parameters)
                    rows.append(Row(key: target.key, label: target.label, parameters: target.parameters, value: value, problem: nil,
                                    status: progress.status(of: value.value, on: catalogue.today)))
                } catch let invalid as InvalidFields {
                    rows.append(Row(key: target.key, label: target.label, parameters: target.parameters, value: nil, problem: invalid.description, status: nil))
                } catch let abort as Abort where abort.status == .badRequest {
                    rows.append(Row(key: target.key, label: target.label, parameters: target.parameters, value: nil, problem: abort.reason, status: nil))
                }
            }
            result.append(GoalEvaluation(goalID: try goal.requireID(), key: goal.key, title: goal.title, indicator: indicator, parameters: parameters,
                                         perGrowthCluster: goal.perGrowthCluster, progress: progress, day: catalogue.today,
                                         expected: progress.expected(on: catalogue.today), rows: rows))
        }
        return result
    }
}

extension IndicatorCatalogue {
    /// The catalogue on `day` (today when not given), over the register as it is now.
    static func on(_ day: CalendarDay = .today, application: Application, database: Database) async throws -> IndicatorCatalogue {
        let generation = try await ViewCache.generation(on: database)
        return IndicatorCatalogue(database: database, config: application.config,
                                  panel: try await application.viewCache.panel(generation: generation, on: database),
                                  cache: application.viewCache, generation: generation, today: day)
    }
}
