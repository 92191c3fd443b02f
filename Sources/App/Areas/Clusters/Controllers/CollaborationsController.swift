import Fluent
import Vapor

/// Groeiclusters > Samenwerkingen: the list, the form, saving and deleting.
struct CollaborationsController {
    func index(_ request: Request) async throws -> Response {
        let filter = CollaborationsIndex.Filter(organisation: try request.uuid("organisatie"), kind: try request.choice("soort", as: Collaboration.Kind.self),
                                                currentOnly: request.queryText("lopend") == "ja",
                                                order: try ListOrder.read(request, default: .start, descending: true))
        let model = try await CollaborationsIndex.query(filter, mayEdit: request.may(.editRelations), on: request.db)
        return .html(CollaborationsIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    /// The form; `organisatie=` fills in the first organisation.
    func newForm(_ request: Request) async throws -> Response {
        var input = CollaborationInput()
        input.first = try request.uuid("organisatie")?.uuidString
        return try await form(request, id: nil, input: input, problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let collaboration = try await CollaborationService.find(try request.id(), on: request.db)
        return try await form(request, id: collaboration.id, input: CollaborationInput(collaboration), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(CollaborationInput.self)
        return try await request.saving(pickers: CollaborationForm.pickers, {
            try await CollaborationService(database: request.db, actor: request.auditActor).save(try input.validated())
            return SiteURL.collaborations.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let collaboration = try await CollaborationService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(CollaborationInput.self)
        return try await request.saving(pickers: CollaborationForm.pickers, {
            try await CollaborationService(database: request.db, actor: request.auditActor).save(try input.validated(), to: collaboration)
            return SiteURL.collaborations.path
        }, orShow: { try await form(request, id: collaboration.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        let collaboration = try await CollaborationService.find(try request.id(), on: request.db)
        _ = try request.checkedForm(CSRFOnly.self)
        try await CollaborationService(database: request.db, actor: request.auditActor).delete(collaboration)
        return request.redirect(to: SiteURL.collaborations.path)
    }

    private func form(_ request: Request, id: UUID?, input: CollaborationInput, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await CollaborationForm.query(id: id, input: input, problems: problems,
                                                      search: request.pickerSearch(among: CollaborationForm.pickers), on: request.db)
        return .html(CollaborationForm.View(model: model, viewer: viewer).render())
    }
}
