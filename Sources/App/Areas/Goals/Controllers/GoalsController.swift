import Fluent
import Vapor

/// Doelen: the goals with their status, one goal, its form, and freezing a reporting date.
struct GoalsController {
    func index(_ request: Request) async throws -> Response {
        try await index(request, date: nil, problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let goal = try await GoalService.find(key: try key(request), on: request.db)
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: request.db)
        let model = try await GoalPage.query(goal, catalogue: catalogue, mayEdit: request.may(.editProgramme), on: request.db)
        return .html(GoalPage.View(model: model, viewer: try await request.viewer()).render())
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, key: nil, input: GoalInput(direction: "increase"), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let goal = try await GoalService.find(key: try key(request), on: request.db)
        return try await form(request, key: goal.key, input: GoalInput(goal), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(GoalInput.self)
        return try await request.saving({
            let values = try await input.validated(config: request.application.config, on: request.db)
            return SiteURL.goal.path(try await GoalService(database: request.db, actor: request.auditActor).save(values).key)
        }, orShow: { try await form(request, key: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let goal = try await GoalService.find(key: try key(request), on: request.db)
        let (oldKey, input) = (goal.key, try request.checkedForm(GoalInput.self))
        return try await request.saving({
            let values = try await input.validated(config: request.application.config, on: request.db)
            return SiteURL.goal.path(try await GoalService(database: request.db, actor: request.auditActor).save(values, to: goal).key)
        }, orShow: { try await form(request, key: oldKey, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let goal = try await GoalService.find(key: try key(request), on: request.db)
        try await GoalService(database: request.db, actor: request.auditActor).delete(goal)
        return request.redirect(to: SiteURL.goals.path)
    }

    struct FreezeForm: Content {
        var date: String?
    }

    /// "Vastleggen": freezes every goal on the date sent; a refused date shows the list again with the reason.
    func freeze(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(FreezeForm.self)
        return try await request.saving({
            var check = FieldCheck()
            let day = check.requiredDate("date", form.date).flatMap(CalendarDay.init)
            try check.throwIfAny()
            let catalogue = try await IndicatorCatalogue.on(day!, application: request.application, database: request.db)
            try await GoalSnapshots(database: request.db, actor: request.auditActor).freeze(catalogue: catalogue)
            return SiteURL.goalSnapshot.path(day!.text)
        }, orShow: { try await index(request, date: form.date, problems: $0) })
    }

    /// One frozen reporting date, as a page or (`formaat=csv|excel`) a download.
    func snapshot(_ request: Request) async throws -> Response {
        guard let text = request.parameters.get("id"), let day = CalendarDay(text) else {
            throw Abort(.notFound, reason: localized("Deze peildatum bestaat niet.", "This reporting date does not exist."))
        }
        let format = try request.format()
        let (model, measurements) = try await GoalSnapshotPage.query(day, on: request.db)
        guard !measurements.isEmpty else {
            throw Abort(.notFound, reason: localized("Op \(day.text) is niets vastgelegd.", "Nothing was frozen on \(day.text)."))
        }
        if format != .html { return try .csv(GoalSnapshots.csv(measurements), name: "doelen-\(day.text).csv", format: format) }
        return .html(GoalSnapshotPage.View(model: model, viewer: try await request.viewer()).render())
    }

    private func index(_ request: Request, date: String?, problems: [FieldProblem]) async throws -> Response {
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: request.db)
        var model = try await GoalsIndex.query(catalogue: catalogue, mayEdit: request.may(.editProgramme), on: request.db)
        (model.date, model.problems) = (date, problems)
        return .html(GoalsIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    private func form(_ request: Request, key: String?, input: GoalInput, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await GoalForm.query(key: key, input: input, problems: problems, on: request.db)
        return .html(GoalForm.View(model: model, viewer: viewer).render())
    }

    private func key(_ request: Request) throws -> String {
        guard let key = request.parameters.get("id"), !key.isEmpty, key.count <= 40 else {
            throw Abort(.notFound, reason: localized("Deze pagina bestaat niet.", "This page does not exist."))
        }
        return key
    }
}

/// Doelen > Handmatige indicatoren: the values entered by hand, adding and deleting one.
struct ManualValuesController {
    func index(_ request: Request) async throws -> Response {
        try await page(request, input: nil, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(ManualValueInput.self)
        return try await request.saving({
            let record = try await ManualValueService(database: request.db, actor: request.auditActor).add(try input.validated())
            return SiteURL.manualValues.with([("reeks", record.series)])
        }, orShow: { try await page(request, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let record = try await ManualValue.find(UUID(uuidString: request.parameters.get("id") ?? ""), on: request.db,
                                                missing: localized("Deze waarde bestaat niet (meer).", "This value does not exist (any more)."))
        try await ManualValueService(database: request.db, actor: request.auditActor).delete(record)
        return request.redirect(to: SiteURL.manualValues.with([("reeks", record.series)]))
    }

    private func page(_ request: Request, input: ManualValueInput?, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        var model = try await ManualValuesIndex.query(series: request.queryText("reeks").map { String($0.prefix(40)) },
                                                      mayEdit: request.may(.editProgramme), on: request.db)
        if let input { (model.input, model.problems) = (input, problems) }
        return .html(ManualValuesIndex.View(model: model, viewer: viewer).render())
    }
}
