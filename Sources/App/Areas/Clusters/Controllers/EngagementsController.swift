import Fluent
import Vapor

/// Groeiclusters > Activiteiten: the list, the form, saving and deleting.
struct EngagementsController {
    func index(_ request: Request) async throws -> Response {
        let filter = EngagementsIndex.Filter(cluster: request.queryText("cluster").flatMap { $0.isEmpty ? nil : $0.lowercased() },
                                             kind: try request.choice("soort", as: Engagement.Kind.self),
                                             order: try ListOrder.read(request, default: .date, descending: true))
        let model = try await EngagementsIndex.query(filter, mayEdit: request.may(.editRelations), on: request.db)
        return .html(EngagementsIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    /// The form; `cluster=` and `organisatie=` fill those in.
    func newForm(_ request: Request) async throws -> Response {
        var input = EngagementInput()
        input.clusters = request.queryText("cluster").map { TextList([$0]) }
        input.organisations = request.queryText("organisatie").map { TextList([$0]) }
        return try await form(request, id: nil, input: input, problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let engagement = try await EngagementService.find(try request.id(), on: request.db)
        let links = try await EngagementService(database: request.db, actor: request.auditActor).links(of: engagement.requireID())
        let keys = Dictionary(uniqueKeysWithValues: try await Cluster.query(on: request.db).all().map { (try $0.requireID(), $0.key) })
        let list = { (ids: [UUID]?) in TextList((ids ?? []).map(\.uuidString)) }
        let input = EngagementInput(date: engagement.date, kind: engagement.kind.rawValue, clusters: TextList((links[.clusters] ?? []).compactMap { keys[$0] }),
                                    organisations: list(links[.organisations]), people: list(links[.people]), notes: engagement.notes)
        return try await form(request, id: engagement.id, input: input, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(EngagementInput.self)
        return try await request.saving(pickers: EngagementForm.pickers, {
            try await EngagementService(database: request.db, actor: request.auditActor).save(try input.validated(clusters: try await ClusterService.idsByKey(on: request.db)))
            return SiteURL.engagements.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let engagement = try await EngagementService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(EngagementInput.self)
        return try await request.saving(pickers: EngagementForm.pickers, {
            let service = EngagementService(database: request.db, actor: request.auditActor)
            try await service.save(try input.validated(clusters: try await service.clusters(for: engagement)), to: engagement)
            return SiteURL.engagements.path
        }, orShow: { try await form(request, id: engagement.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        let engagement = try await EngagementService.find(try request.id(), on: request.db)
        _ = try request.checkedForm(CSRFOnly.self)
        try await EngagementService(database: request.db, actor: request.auditActor).delete(engagement)
        return request.redirect(to: SiteURL.engagements.path)
    }

    private func form(_ request: Request, id: UUID?, input: EngagementInput, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await EngagementForm.query(id: id, input: input, problems: problems,
                                                   search: request.pickerSearch(among: EngagementForm.pickers), on: request.db)
        return .html(EngagementForm.View(model: model, viewer: viewer).render())
    }
}
