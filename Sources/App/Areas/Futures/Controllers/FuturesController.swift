import Fluent
import Vapor

/// Toekomst: the robustness test with its settings and scores, scenarios and options, and alerts.
struct FuturesController {
    func index(_ request: Request) async throws -> Response {
        let optimism = request.queryText("optimism").map { String($0.prefix(40)) }
        let threshold = request.queryText("threshold").map { String($0.prefix(40)) }
        let mayEdit = request.may(.editProgramme)
        guard optimism != nil || threshold != nil else { return try await page(request, model: try await FuturesIndex.query(trial: nil, mayEdit: mayEdit, on: request.db)) }
        do {
            let trial = try FuturesSettings.checked(optimism: optimism, threshold: threshold, base: try await FuturesSettings.current(on: request.db))
            return try await page(request, model: try await FuturesIndex.query(trial: trial, mayEdit: mayEdit, on: request.db))
        } catch let invalid as InvalidFields {
            // Settings that cannot be used: the saved test, with the form and what was wrong.
            var model = try await FuturesIndex.query(trial: nil, mayEdit: mayEdit, on: request.db)
            (model.settingsFields, model.problems) = ((optimism, threshold), invalid.problems)
            let response = try await page(request, model: model)
            response.status = .badRequest
            return response
        }
    }

    struct SettingsForm: Content {
        var optimism: String?
        var threshold: String?
    }

    func saveSettings(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(SettingsForm.self)
        return try await request.saving({
            let settings = try FuturesSettings.checked(optimism: form.optimism, threshold: form.threshold, base: try await FuturesSettings.current(on: request.db))
            try await settings.save(by: request.auditActor, on: request.db)
            return SiteURL.futures.path
        }, orShow: { problems in
            var model = try await FuturesIndex.query(trial: nil, mayEdit: true, on: request.db)
            (model.settingsFields, model.problems) = ((form.optimism, form.threshold), problems)
            return try await page(request, model: model)
        })
    }

    private func page(_ request: Request, model: FuturesIndex.Model) async throws -> Response {
        .html(FuturesIndex.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    func scoreForm(_ request: Request) async throws -> Response {
        let assessor = request.queryText("beoordelaar").map { String($0.prefix(60)) }
        let model = try await RobustnessScoreForm.query(assessor: assessor, me: request.currentUser?.id, fields: nil, problems: [], on: request.db)
        return .html(RobustnessScoreForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    func saveScores(_ request: Request) async throws -> Response {
        var fields = try request.checkedForm([String: String].self)
        fields["csrf"] = nil
        return try await request.saving({
            let matrix = try await RobustnessMatrix.load(on: request.db)
            guard try await Assessor.choices(me: nil, on: request.db).contains(where: { $0.value == fields["assessor"] }) else {
                throw InvalidFields("assessor", localized("kies een beoordelaar uit de lijst", "choose an assessor from the list"))
            }
            let (assessor, cells) = try RobustnessScoreForm.input(fields, matrix: matrix).validated(matrix: matrix, me: nil)
            try await FuturesService(database: request.db, actor: request.auditActor).score(by: assessor, cells)
            return SiteURL.futures.path
        }, orShow: { problems in
            let model = try await RobustnessScoreForm.query(assessor: fields["assessor"], me: request.currentUser?.id, fields: fields, problems: problems, on: request.db)
            return .html(RobustnessScoreForm.View(model: model, viewer: try await request.signedInViewer()).render())
        })
    }

    // MARK: Scenarios and options

    func list(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in request.redirect(to: SiteURL.futures.path + (kind == .scenario ? "#scenarios" : "#opties")) }
    }

    func show(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in
            let item = try await FuturesService.find(kind, key: try Self.key(request), on: request.db)
            let model = try await FuturesItemPage.query(item, mayEdit: request.may(.editProgramme), on: request.db)
            return .html(FuturesItemPage.View(model: model, viewer: try await request.signedInViewer()).render())
        }
    }

    func newForm(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in try await Self.form(request, kind: kind, key: nil, input: FuturesItemInput(), problems: []) }
    }

    func editForm(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in
            let item = try await FuturesService.find(kind, key: try Self.key(request), on: request.db)
            return try await Self.form(request, kind: kind, key: item.key, input: FuturesItemInput(item), problems: [])
        }
    }

    func create(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in
            let input = try request.checkedForm(FuturesItemInput.self)
            return try await request.saving({
                let item = try await FuturesService(database: request.db, actor: request.auditActor).create(kind, try input.validated(kind: kind))
                return kind.page.path(item.key)
            }, orShow: { try await Self.form(request, kind: kind, key: nil, input: input, problems: $0) })
        }
    }

    func update(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in
            let item = try await FuturesService.find(kind, key: try Self.key(request), on: request.db)
            let (oldKey, input) = (item.key, try request.checkedForm(FuturesItemInput.self))
            return try await request.saving({
                try await FuturesService(database: request.db, actor: request.auditActor).update(item, try input.validated(kind: kind))
                return kind.page.path(item.key)
            }, orShow: { try await Self.form(request, kind: kind, key: oldKey, input: input, problems: $0) })
        }
    }

    func delete(_ kind: FuturesItem.Kind) -> @Sendable (Request) async throws -> Response {
        { request in
            _ = try request.checkedForm(CSRFOnly.self)
            let item = try await FuturesService.find(kind, key: try Self.key(request), on: request.db)
            try await FuturesService(database: request.db, actor: request.auditActor).delete(item)
            return request.redirect(to: SiteURL.futures.path)
        }
    }

    private static func form(_ request: Request, kind: FuturesItem.Kind, key: String?, input: FuturesItemInput, problems: [FieldProblem]) async throws -> Response {
        let model = FuturesItemForm.Model(kind: kind, key: key, input: input, problems: problems)
        return .html(FuturesItemForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    private static func key(_ request: Request) throws -> String {
        guard let key = request.parameters.get("id"), !key.isEmpty, key.count <= 40 else {
            throw Abort(.notFound, reason: localized("Deze pagina bestaat niet.", "This page does not exist."))
        }
        return key
    }
}

/// Toekomst > Signalen: the list, one signpost, its form, reading them all now, and acknowledging an alert.
struct SignpostsController {
    func index(_ request: Request) async throws -> Response {
        let model = try await SignpostsIndex.query(mayEdit: request.may(.editProgramme), on: request.db)
        return .html(SignpostsIndex.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    func show(_ request: Request) async throws -> Response {
        let signpost = try await SignpostService.find(try request.id(), on: request.db)
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: request.db)
        let model = try await SignpostPage.query(signpost, catalogue: catalogue, mayEdit: request.may(.editProgramme))
        return .html(SignpostPage.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    func newForm(_ request: Request) async throws -> Response {
        let scenario = request.queryText("scenario").map { String($0.prefix(40)) }
        return try await form(request, id: nil, input: SignpostInput(scenario: scenario, direction: "rising"), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let signpost = try await SignpostService.find(try request.id(), on: request.db)
        return try await form(request, id: signpost.id, input: SignpostInput(signpost), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(SignpostInput.self)
        return try await request.saving({
            let service = try await service(request)
            let signpost = try await service.save(try await input.validated(catalogue: service.catalogue))
            return SiteURL.signpost.path(try signpost.requireID())
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let signpost = try await SignpostService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(SignpostInput.self)
        return try await request.saving({
            let service = try await service(request)
            return SiteURL.signpost.path(try await service.save(try await input.validated(catalogue: service.catalogue, existing: signpost), to: signpost).requireID())
        }, orShow: { try await form(request, id: signpost.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let signpost = try await SignpostService.find(try request.id(), on: request.db)
        try await service(request).delete(signpost)
        return request.redirect(to: SiteURL.signposts.path)
    }

    func evaluate(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        _ = try await SignpostWatch.run(application: request.application, database: request.db, actor: request.auditActor)
        return request.redirect(to: SiteURL.signposts.path)
    }

    func acknowledge(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let alert = try await SignpostAlert.find(try request.id(), on: request.db, missing: localized("Deze melding bestaat niet (meer).", "This alert does not exist (any more)."))
        try await SignpostWatch.acknowledge(alert, by: request.auditActor, on: request.db)
        return request.redirect(to: request.headers.first(name: .referer).flatMap(Self.localPath) ?? SiteURL.futures.path)
    }

    /// The path of a referring page of this site (never another site's address).
    static func localPath(_ referer: String) -> String? {
        guard let path = URLComponents(string: referer)?.percentEncodedPath, path.hasPrefix("/"), !path.hasPrefix("//"),
              path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_".contains($0)) }) else { return nil }
        return path
    }

    private func service(_ request: Request) async throws -> SignpostService {
        SignpostService(catalogue: try await IndicatorCatalogue.on(application: request.application, database: request.db), actor: request.auditActor)
    }

    private func form(_ request: Request, id: UUID?, input: SignpostInput, problems: [FieldProblem]) async throws -> Response {
        let model = try await SignpostForm.query(id: id, input: input, problems: problems, on: request.db)
        return .html(SignpostForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }
}
