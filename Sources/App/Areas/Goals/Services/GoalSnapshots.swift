import Analysis
import Fluent
import Foundation
import SQLKit
import Vapor

/// Measurements frozen per reporting date: every goal's value, status and evidence as they are on
/// that date, with the import runs the data came from. Once frozen, a date is never measured
/// again: later imports and edits leave it as it was.
struct GoalSnapshots {
    let database: Database
    let actor: Audit.Actor

    /// A reporting date that was frozen: when, by whom, and how many goals it holds.
    struct Frozen: Sendable, Equatable {
        let date: String
        let takenAt: Date
        let goals: Int
    }

    /// Freezes every goal on `catalogue.today`. Refused (naming `date`) for a day in the future, a
    /// day before the register's first year, or a date already frozen.
    @discardableResult
    func freeze(catalogue: IndicatorCatalogue) async throws -> [GoalMeasurement] {
        let day = catalogue.today
        guard day <= .today else {
            throw InvalidFields("date", localized("\(day.text) ligt in de toekomst; leg vast op vandaag of eerder", "\(day.text) is in the future; freeze on today or earlier"))
        }
        let (_, _, municipalities) = try MonitorSelection.area(catalogue.config.area, region: catalogue.config.region)
        guard let first = catalogue.panel.years(in: Area(municipalities: Set(municipalities))).first else {
            throw InvalidFields("date", localized("er is nog geen vestigingenregister; importeer eerst gegevens", "there is no register yet; import data first"))
        }
        guard day.year >= first else {
            throw InvalidFields("date", localized("\(day.text) ligt vóór de eerste gegevens (registerjaar \(first))", "\(day.text) is before the first data (register year \(first))"))
        }
        if try await GoalMeasurement.query(on: database).filter(\.$reportingDate == day.text).count() > 0 {
            throw InvalidFields("date", localized("\(day.text) is al vastgelegd; een vastgelegde meting verandert niet meer",
                                                  "\(day.text) is already frozen; a frozen measurement does not change"))
        }
        let measurements = try await measure(catalogue: catalogue)
        try await database.transaction { database in
            try await GoalSnapshots(database: database, actor: actor).store(measurements, day: day)
        }
        return measurements
    }

    /// Saves the measurements `measure` made for `day`, with their record in the audit trail
    /// (inside the caller's transaction: freezing a council report stores them with the report).
    func store(_ measurements: [GoalMeasurement], day: CalendarDay) async throws {
        for measurement in measurements { try await measurement.create(on: database) }
        try await Audit.record(.create, .goalMeasurement, id: day.text, changes: [
            .value("goals", old: nil, new: String(measurements.filter { $0.rowKey.isEmpty }.count)),
            .value("import_runs", old: nil, new: measurements.first?.importRuns ?? ""),
        ], by: actor, on: database)
    }

    /// Every goal measured on `catalogue.today` as a frozen measurement would hold it, not saved
    /// (the council report of a date not frozen shows these).
    func measure(catalogue: IndicatorCatalogue) async throws -> [GoalMeasurement] {
        let day = catalogue.today
        let evaluations = try await GoalEvaluation.evaluate(try await GoalService.all(on: database), catalogue: catalogue)
        let runs = try await importRuns()
        let now = Date()
        var measurements: [GoalMeasurement] = []
        for evaluation in evaluations {
            let rows = evaluation.perGrowthCluster ? [(row: evaluation.current, key: "", label: evaluation.title, status: evaluation.status)]
                + evaluation.rows.map { (row: Optional($0), key: $0.key, label: $0.label, status: $0.status) }
                : [(row: evaluation.rows.first, key: "", label: evaluation.title, status: evaluation.status)]
            for entry in rows {
                let measurement = GoalMeasurement()
                measurement.reportingDate = day.text
                (measurement.goalID, measurement.goalKey, measurement.title) = (evaluation.goalID, evaluation.key, evaluation.title)
                (measurement.rowKey, measurement.rowLabel) = (entry.key, entry.label)
                (measurement.indicator, measurement.parameters) = (evaluation.indicator.id.rawValue, Goal.text(of: entry.key.isEmpty ? evaluation.parameters : entry.row?.parameters ?? [:]))
                (measurement.value, measurement.asOf, measurement.status) = (entry.row?.value?.value, entry.row?.value?.asOf, entry.status)
                measurement.problem = entry.row == nil ? localized("geen waarde", "no value") : entry.row?.problem
                measurement.expected = evaluation.expected
                let progress = evaluation.progress
                (measurement.baselineValue, measurement.baselineDate, measurement.target) = (progress.baseline, progress.baselineDate.text, progress.target)
                (measurement.deadline, measurement.direction) = (progress.deadline.text, progress.direction)
                let evidence = entry.key.isEmpty ? evaluation.evidence : entry.row?.value?.evidence ?? []
                measurement.evidence = Self.json(evidence)
                (measurement.importRuns, measurement.takenAt, measurement.takenBy) = (runs, now, actor.userID)
                measurements.append(measurement)
            }
        }
        return measurements
    }

    /// The frozen reporting dates, latest first.
    static func frozen(on database: Database) async throws -> [Frozen] {
        let all = try await GoalMeasurement.query(on: database).filter(\.$rowKey == "").all()
        return Dictionary(grouping: all, by: \.reportingDate).map { date, rows in
            Frozen(date: date, takenAt: rows.map(\.takenAt).min()!, goals: rows.count)
        }.sorted { $0.date > $1.date }
    }

    /// The measurements of one reporting date, in the order of the goals, then rows.
    static func measurements(on date: String, in database: Database) async throws -> [GoalMeasurement] {
        try await GoalMeasurement.query(on: database).filter(\.$reportingDate == date).all()
            .sorted { ($0.deadline, $0.title, $0.rowKey.isEmpty ? 0 : 1, $0.rowLabel) < ($1.deadline, $1.title, $1.rowKey.isEmpty ? 0 : 1, $1.rowLabel) }
    }

    /// A goal's frozen measurements of the goal as a whole, oldest first.
    static func history(of goal: UUID, on database: Database) async throws -> [GoalMeasurement] {
        try await GoalMeasurement.query(on: database).filter(\.$goalID == goal).filter(\.$rowKey == "").all().sorted { $0.reportingDate < $1.reportingDate }
    }

    /// A reporting date's measurements as CSV (one line per goal and per cluster row).
    static func csv(_ measurements: [GoalMeasurement]) -> String {
        let header = "peildatum,doel,rij,indicator,parameters,waarde,gegevens_van,verwacht,status,beginwaarde,begindatum,streefwaarde,einddatum,richting,bewijs,importruns,vastgelegd_op"
        let formatter = ISO8601DateFormatter()
        return ([header] + measurements.map { m in
            [m.reportingDate, CSVCell.text(m.goalKey), CSVCell.text(m.rowKey.isEmpty ? "" : m.rowKey), m.indicator, CSVCell.text(m.parameters),
             m.value.map(Format.plain) ?? "", m.asOf ?? "", CSVField.decimal(m.expected, digits: 2), m.status?.rawValue ?? "",
             Format.plain(m.baselineValue), m.baselineDate, Format.plain(m.target), m.deadline, m.direction.rawValue,
             CSVCell.text(Self.evidence(m.evidence).map(\.id).joined(separator: " ")), CSVCell.text(m.importRuns), formatter.string(from: m.takenAt)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    static func evidence(_ json: String) -> [IndicatorValue.Evidence] {
        guard let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]] else { return [] }
        return list.compactMap { item in item["id"].map { IndicatorValue.Evidence(id: $0, label: item["label"] ?? $0, link: item["link"]) } }
    }

    private static func json(_ evidence: [IndicatorValue.Evidence]) -> String {
        let list = evidence.map { item -> [String: String] in
            var entry = ["id": item.id, "label": item.label]
            entry["link"] = item.link
            return entry
        }
        return String(decoding: (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The latest import run of each kind that succeeded: `kind:id` separated by `;`.
    private func importRuns() async throws -> String {
        let runs = try await ImportRun.query(on: database).filter(\.$outcome == .imported).all()
        let latest = Dictionary(grouping: runs, by: \.kind).compactMapValues { $0.max { $0.startedAt < $1.startedAt } }
        return latest.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { kind, run in run.id.map { "\(kind.rawValue):\($0.uuidString)" } }.joined(separator: ";")
    }
}
