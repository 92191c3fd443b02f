import Fluent
import Vapor

/// `/api/v1/goals`: the goals with their value today, trajectory and status (as on the goal page),
/// changing them, and the measurements frozen per reporting date.
enum GoalsAPI {
    struct Measured: Content {
        let value: Double
        let asOf: String
        enum CodingKeys: String, CodingKey { case value, asOf = "as_of" }
    }

    struct Baseline: Content {
        let value: Double
        let date: String
    }

    struct Row: Content {
        let cluster: String?
        let label: String
        let parameters: [String: String]
        let current: Measured?
        let status: String?
        let evidence: [String]
        let problem: String?
    }

    struct Goal: Content {
        let key: String
        let title: String
        let titleNL: String
        let titleEN: String
        let indicator: String
        let parameters: [String: String]
        let perGrowthCluster: Bool
        let baseline: Baseline
        let target: Double
        let deadline: String
        let direction: String
        let current: Measured?
        let expectedNow: Double
        let status: String?
        let evidence: [String]
        let rows: [Row]
        let notes: String?
        enum CodingKeys: String, CodingKey {
            case key, title, indicator, parameters, baseline, target, deadline, direction, current, status, evidence, rows, notes
            case titleNL = "title_nl", titleEN = "title_en", perGrowthCluster = "per_growth_cluster", expectedNow = "expected_now"
        }
    }

    struct Measurement: Content {
        let goal: String
        let row: String?
        let indicator: String
        let parameters: [String: String]
        let value: Double?
        let asOf: String?
        let expected: Double
        let status: String?
        let problem: String?
        let evidence: [String]
        let importRuns: [String]
        enum CodingKeys: String, CodingKey {
            case goal, row, indicator, parameters, value, expected, status, problem, evidence
            case asOf = "as_of", importRuns = "import_runs"
        }
    }

    struct Snapshot: Content {
        let date: String
        let takenAt: Date
        let goals: Int
        let measurements: [Measurement]?
        enum CodingKeys: String, CodingKey { case date, goals, measurements, takenAt = "taken_at" }
    }

    struct FreezeRequest: Content {
        let date: String?
    }

    static func list(_ request: Request) async throws -> [Goal] {
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: request.db)
        return try await describe(try await GoalService.all(on: request.db), request: request, catalogue: catalogue)
    }

    static func show(_ request: Request) async throws -> Goal {
        let goal = try await GoalService.find(key: request.parameters.get("id") ?? "", on: request.db)
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: request.db)
        return try await describe([goal], request: request, catalogue: catalogue)[0]
    }

    static func create(_ request: Request) async throws -> Response {
        let values = try await request.content.decode(GoalInput.self).validated(config: request.application.config, on: request.db)
        let goal = try await GoalService(database: request.db, actor: request.auditActor).save(values)
        let response = try await describe([goal], request: request, catalogue: try await IndicatorCatalogue.on(application: request.application, database: request.db))[0]
            .encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/goals/\(goal.key)")
        return response
    }

    static func replace(_ request: Request) async throws -> Goal {
        try await update(request) { _ in try request.content.decode(GoalInput.self) }
    }

    static func change(_ request: Request) async throws -> Goal {
        try await update(request) { stored in try Patch.merge(stored, with: try request.content.decode(GoalInput.self)) }
    }

    static func delete(_ request: Request) async throws -> HTTPStatus {
        let goal = try await GoalService.find(key: request.parameters.get("id") ?? "", on: request.db)
        try await GoalService(database: request.db, actor: request.auditActor).delete(goal)
        return .noContent
    }

    /// `POST /api/v1/goals/snapshots {"date": "2025-12-31"}`: freezes every goal on that date.
    static func freeze(_ request: Request) async throws -> Response {
        var check = FieldCheck()
        let day = check.requiredDate("date", try request.content.decode(FreezeRequest.self).date).flatMap(CalendarDay.init)
        try check.throwIfAny()
        let catalogue = try await IndicatorCatalogue.on(day!, application: request.application, database: request.db)
        let measurements = try await GoalSnapshots(database: request.db, actor: request.auditActor).freeze(catalogue: catalogue)
        let snapshot = Snapshot(date: day!.text, takenAt: measurements.first?.takenAt ?? Date(), goals: measurements.filter { $0.rowKey.isEmpty }.count,
                                measurements: measurements.map(describe))
        let response = try await snapshot.encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/goals/snapshots/\(day!.text)")
        return response
    }

    /// `GET /api/v1/goals/snapshots`: the frozen reporting dates, latest first.
    static func snapshots(_ request: Request) async throws -> [Snapshot] {
        try await GoalSnapshots.frozen(on: request.db).map { Snapshot(date: $0.date, takenAt: $0.takenAt, goals: $0.goals, measurements: nil) }
    }

    /// `GET /api/v1/goals/snapshots/:date`: one reporting date with its measurements.
    static func snapshot(_ request: Request) async throws -> Snapshot {
        guard let text = request.parameters.get("date"), let day = CalendarDay(text) else {
            throw Abort(.notFound, reason: localized("Deze peildatum bestaat niet.", "This reporting date does not exist."))
        }
        let measurements = try await GoalSnapshots.measurements(on: day.text, in: request.db)
        guard let first = measurements.first else {
            throw Abort(.notFound, reason: localized("Op \(day.text) is niets vastgelegd.", "Nothing was frozen on \(day.text)."))
        }
        return Snapshot(date: day.text, takenAt: first.takenAt, goals: measurements.filter { $0.rowKey.isEmpty }.count, measurements: measurements.map(describe))
    }

    private static func update(_ request: Request, input: (GoalInput) throws -> GoalInput) async throws -> Goal {
        let goal = try await GoalService.find(key: request.parameters.get("id") ?? "", on: request.db)
        let values = try await input(GoalInput(goal)).validated(config: request.application.config, on: request.db)
        try await GoalService(database: request.db, actor: request.auditActor).save(values, to: goal)
        return try await describe([goal], request: request, catalogue: try await IndicatorCatalogue.on(application: request.application, database: request.db))[0]
    }

    private static func describe(_ goals: [App.Goal], request: Request, catalogue: IndicatorCatalogue) async throws -> [Goal] {
        let notes = Dictionary(uniqueKeysWithValues: goals.map { ($0.key, $0.notes) })
        let titles = Dictionary(uniqueKeysWithValues: goals.map { ($0.key, ($0.titleNL, $0.titleEN)) })
        return try await GoalEvaluation.evaluate(goals, catalogue: catalogue).map { goal in
            let parameters = { (values: [Indicator.Parameter: String]) in Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }) }
            let measured = { (row: GoalEvaluation.Row?) in row?.value.map { Measured(value: $0.value, asOf: $0.asOf) } }
            return Goal(key: goal.key, title: goal.title, titleNL: titles[goal.key]?.0 ?? goal.title, titleEN: titles[goal.key]?.1 ?? goal.title,
                        indicator: goal.indicator.id.rawValue, parameters: parameters(goal.parameters), perGrowthCluster: goal.perGrowthCluster,
                        baseline: Baseline(value: goal.progress.baseline, date: goal.progress.baselineDate.text), target: goal.progress.target,
                        deadline: goal.progress.deadline.text, direction: goal.progress.direction.rawValue, current: measured(goal.current),
                        expectedNow: goal.expected, status: goal.status?.rawValue, evidence: goal.evidence.map(\.id),
                        rows: goal.rows.map { row in
                            Row(cluster: row.key.isEmpty ? nil : row.key, label: row.label, parameters: parameters(row.parameters), current: measured(row),
                                status: row.status?.rawValue, evidence: row.value?.evidence.map(\.id) ?? [], problem: row.problem)
                        }, notes: notes[goal.key] ?? nil)
        }
    }

    private static func describe(_ measurement: GoalMeasurement) -> Measurement {
        Measurement(goal: measurement.goalKey, row: measurement.rowKey.isEmpty ? nil : measurement.rowKey, indicator: measurement.indicator,
                    parameters: Dictionary(uniqueKeysWithValues: App.Goal.parameters(from: measurement.parameters).map { ($0.key.rawValue, $0.value) }),
                    value: measurement.value, asOf: measurement.asOf, expected: measurement.expected, status: measurement.status?.rawValue,
                    problem: measurement.problem, evidence: GoalSnapshots.evidence(measurement.evidence).map(\.id),
                    importRuns: measurement.importRuns.split(separator: ";").map(String.init))
    }

    struct ManualEntry: Content {
        let id: UUID
        let series: String
        let name: String
        let unit: String
        let date: String
        let value: Double
        let source: String
    }

    /// `GET /api/v1/manual-values?series=`: the values of manual indicators, by series, latest first.
    static func manualValues(_ request: Request) async throws -> [ManualEntry] {
        try await ManualValueService.all(series: request.queryText("series").map { String($0.prefix(40)) }, on: request.db).map(describe)
    }

    /// `POST /api/v1/manual-values {series, name, unit, date, value, source}`.
    static func addManualValue(_ request: Request) async throws -> Response {
        let record = try await ManualValueService(database: request.db, actor: request.auditActor).add(try request.content.decode(ManualValueInput.self).validated())
        let response = try await describe(record).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/manual-values?series=\(record.series)")
        return response
    }

    static func deleteManualValue(_ request: Request) async throws -> HTTPStatus {
        let record = try await ManualValue.find(UUID(uuidString: request.parameters.get("id") ?? ""), on: request.db,
                                                missing: localized("Deze waarde bestaat niet (meer).", "This value does not exist (any more)."))
        try await ManualValueService(database: request.db, actor: request.auditActor).delete(record)
        return .noContent
    }

    private static func describe(_ record: ManualValue) -> ManualEntry {
        ManualEntry(id: record.id ?? UUID(), series: record.series, name: record.name, unit: record.unit, date: record.date, value: record.value, source: record.source)
    }
}
