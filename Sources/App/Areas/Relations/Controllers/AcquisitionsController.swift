import Fluent
import Vapor

/// Relaties > Acquisitie.
struct AcquisitionsController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let filter = AcquisitionsIndex.Filter(
            stage: try request.choice("fase", as: Acquisition.Stage.self), cluster: request.queryText("cluster").flatMap { $0.isEmpty ? nil : String($0.lowercased().prefix(40)) },
            display: try request.choice("weergave", as: AcquisitionsIndex.Display.self) ?? .list,
            order: try ListOrder.read(request, default: .decision))
        let (user, mayEdit, service) = (request.currentUser?.id, request.may(.editRelations), service(request))
        return try await request.cachedPage(PageKey("acquisitions", filter), query: {
            try await AcquisitionsIndex.query(filter, user: user, today: .today, mayEdit: mayEdit, service: service)
        }, view: { AcquisitionsIndex.View(model: $0, viewer: viewer) })
    }

    func newForm(_ request: Request) async throws -> Response {
        var input = AcquisitionInput()
        input.team = request.currentUser?.id.map { TextList([$0.uuidString]) }
        return try await form(request, id: nil, input: input, problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let acquisition = try await openable(request)
        let team = try await AcquisitionService.team(of: acquisition.requireID(), on: request.db)
        return try await form(request, id: acquisition.id, input: AcquisitionInput(acquisition, cluster: try await acquisition.$cluster.get(on: request.db), team: team), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(AcquisitionInput.self)
        return try await request.saving({
            try await service(request).create(try await validated(input, request))
            return SiteURL.acquisitions.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let acquisition = try await openable(request)
        let input = try request.checkedForm(AcquisitionInput.self)
        return try await request.saving({
            try await service(request).update(acquisition, with: try await validated(input, request))
            return SiteURL.acquisitions.path
        }, orShow: { try await form(request, id: acquisition.id, input: input, problems: $0) })
    }

    /// The acquisition of the URL, if the user may open it (its team only, when confidential).
    private func openable(_ request: Request) async throws -> Acquisition {
        let acquisition = try await AcquisitionService.find(try request.id(), on: request.db)
        guard try await AcquisitionService.mayOpen(acquisition, user: request.currentUser?.id, on: request.db) else {
            throw Abort(.forbidden, reason: localized("Deze acquisitie is vertrouwelijk; alleen het team kan hem openen.", "This acquisition is confidential; only its team can open it."))
        }
        return acquisition
    }

    private func service(_ request: Request) -> AcquisitionService { AcquisitionService(database: request.db, actor: request.auditActor, area: area) }

    private func validated(_ input: AcquisitionInput, _ request: Request) async throws -> AcquisitionInput.Values {
        try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db), reference: try ReferenceData.shared.get(),
                             region: request.application.config.region)
    }

    private func form(_ request: Request, id: UUID?, input: AcquisitionInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await AcquisitionForm.query(id: id, input: input, problems: problems, region: request.application.config.region, on: request.db)
        return .html(AcquisitionForm.View(model: model, viewer: viewer).render(), status: status)
    }
}
