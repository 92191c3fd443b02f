import Fluent
import Foundation
import Vapor

/// A goal as the form or the API gives it; `validated` checks every field and the indicator's
/// parameters against what exists.
struct GoalInput: Content, Sendable, Equatable {
    var key: String?
    var titleNL: String?
    var titleEN: String?
    var indicator: String?
    /// `name=value` pairs separated by `;` (the form), or an object (the API).
    var parameters: String?
    var perGrowthCluster: String?
    var baselineValue: String?
    var baselineDate: String?
    var target: String?
    var deadline: String?
    var direction: String?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case key, indicator, parameters, target, deadline, direction, notes, baseline
        case titleNL = "title_nl", titleEN = "title_en", perGrowthCluster = "per_growth_cluster", baselineValue = "baseline_value", baselineDate = "baseline_date"
    }

    private enum BaselineKeys: String, CodingKey { case value, date }

    struct Values: Sendable, Equatable {
        var key: String
        var titleNL: String
        var titleEN: String
        var indicator: Indicator
        var parameters: [Indicator.Parameter: String]
        var perGrowthCluster: Bool
        var progress: GoalProgress
        var notes: String?
    }

    init(key: String? = nil, titleNL: String? = nil, titleEN: String? = nil, indicator: String? = nil, parameters: String? = nil,
         perGrowthCluster: String? = nil, baselineValue: String? = nil, baselineDate: String? = nil, target: String? = nil,
         deadline: String? = nil, direction: String? = nil, notes: String? = nil) {
        (self.key, self.titleNL, self.titleEN, self.indicator, self.parameters) = (key, titleNL, titleEN, indicator, parameters)
        (self.perGrowthCluster, self.baselineValue, self.baselineDate, self.target) = (perGrowthCluster, baselineValue, baselineDate, target)
        (self.deadline, self.direction, self.notes) = (deadline, direction, notes)
    }

    init(_ goal: Goal) {
        self.init(key: goal.key, titleNL: goal.titleNL, titleEN: goal.titleEN, indicator: goal.indicator, parameters: goal.parameters,
                  perGrowthCluster: String(goal.perGrowthCluster), baselineValue: Format.plain(goal.baselineValue), baselineDate: goal.baselineDate,
                  target: Format.plain(goal.target), deadline: goal.deadline, direction: goal.direction.rawValue, notes: goal.notes)
    }

    /// From a form (text) or the API (numbers, `per_growth_cluster` true or false, `parameters` an
    /// object, `baseline` as `{value, date}`).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = container.text
        (key, titleNL, titleEN, indicator) = (try text(.key), try text(.titleNL), try text(.titleEN), try text(.indicator))
        if let object = try? container.decodeIfPresent([String: String].self, forKey: .parameters) {
            parameters = object.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        } else {
            parameters = try text(.parameters)
        }
        (perGrowthCluster, target, deadline, direction, notes) = (try text(.perGrowthCluster), try text(.target), try text(.deadline), try text(.direction), try text(.notes))
        (baselineValue, baselineDate) = (try text(.baselineValue), try text(.baselineDate))
        if container.contains(.baseline) {
            let baseline = try container.nestedContainer(keyedBy: BaselineKeys.self, forKey: .baseline)
            if let number = try? baseline.decodeIfPresent(Double.self, forKey: .value) { baselineValue = Format.plain(number) }
            else if let text = try baseline.decodeIfPresent(String.self, forKey: .value) { baselineValue = text }
            if let date = try baseline.decodeIfPresent(String.self, forKey: .date) { baselineDate = date }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encodeIfPresent(titleNL, forKey: .titleNL)
        try container.encodeIfPresent(titleEN, forKey: .titleEN)
        try container.encodeIfPresent(indicator, forKey: .indicator)
        try container.encodeIfPresent(parameters, forKey: .parameters)
        try container.encodeIfPresent(perGrowthCluster, forKey: .perGrowthCluster)
        try container.encodeIfPresent(baselineValue, forKey: .baselineValue)
        try container.encodeIfPresent(baselineDate, forKey: .baselineDate)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(deadline, forKey: .deadline)
        try container.encodeIfPresent(direction, forKey: .direction)
        try container.encodeIfPresent(notes, forKey: .notes)
    }

    /// The words of the area's own addresses (`/doelen/nieuw`, ...): no goal's key.
    static let reservedKeys: Set<String> = ["nieuw", "metingen", "handmatig", "bewerken", "verwijderen", "snapshots"]

    /// Every field checked; the indicator's parameters against the clusters and areas that exist.
    func validated(config: AppConfig, on database: Database) async throws -> Values {
        var check = FieldCheck()
        let key = check.required("key", self.key?.lowercased(), maxLength: 40)
        if let key, key.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
            check.report("key", localized("'\(key)' kan niet: gebruik kleine letters, cijfers en streepjes (bijv. snelle-groeiers)",
                                          "'\(key)' cannot be used: use lower-case letters, digits and hyphens (e.g. fast-growers)"))
        } else if let key, Self.reservedKeys.contains(key) {
            check.report("key", localized("'\(key)' is al een adres onder /doelen; kies een andere sleutel", "'\(key)' is already an address under /doelen; choose another key"))
        }
        let titleNL = check.required("title_nl", self.titleNL), titleEN = check.required("title_en", self.titleEN)
        let binding = try await IndicatorCatalogue.binding(indicator: self.indicator, parameters: self.parameters, config: config, check: &check, on: database)
        let indicator = binding?.indicator
        let perGrowthCluster: Bool
        switch (self.perGrowthCluster ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "false": perGrowthCluster = false
        case "true", "on": perGrowthCluster = true
        case let other:
            check.report("per_growth_cluster", localized("'\(other.prefix(20))' kan niet; true of false", "'\(other.prefix(20))' is not allowed; true or false"))
            perGrowthCluster = false
        }
        let parameters = binding?.parameters ?? [:]
        if let indicator {
            if perGrowthCluster {
                if !indicator.parameters.contains(.cluster) {
                    check.report("per_growth_cluster", localized("\(indicator.id.rawValue) kan niet per cluster", "\(indicator.id.rawValue) cannot be measured per cluster"))
                } else if parameters[.cluster] != nil {
                    check.report("parameters", localized("een doel per groeicluster noemt zelf geen cluster", "a goal per growth cluster names no cluster itself"))
                }
            } else if indicator.required.contains(.cluster), parameters[.cluster] == nil {
                check.report("parameters", localized("\(indicator.id.rawValue) vraagt een cluster: cluster=<sleutel> of cluster=growth, of kies per groeicluster",
                                                     "\(indicator.id.rawValue) needs a cluster: cluster=<key> or cluster=growth, or choose per growth cluster"))
            }
        }
        let baseline = check.decimal("baseline_value", self.baselineValue, required: true)
        let target = check.decimal("target", self.target, required: true)
        let baselineDate = check.requiredDate("baseline_date", self.baselineDate).flatMap(CalendarDay.init)
        let deadline = check.requiredDate("deadline", self.deadline).flatMap(CalendarDay.init)
        let direction = check.requiredChoice("direction", self.direction, as: GoalProgress.Direction.self)
        let notes = check.optional("notes", self.notes, maxLength: 2000)
        var progress: GoalProgress?
        if let baseline, let target, let baselineDate, let deadline, let direction {
            do {
                progress = try GoalProgress.checked(baseline: baseline, baselineDate: baselineDate, target: target, deadline: deadline, direction: direction)
            } catch let invalid as InvalidFields {
                for problem in invalid.problems { check.report(problem.field, problem.reason) }
            }
        }
        try check.throwIfAny()
        return Values(key: key!, titleNL: titleNL!, titleEN: titleEN!, indicator: indicator!, parameters: parameters,
                      perGrowthCluster: perGrowthCluster, progress: progress!, notes: notes)
    }
}
