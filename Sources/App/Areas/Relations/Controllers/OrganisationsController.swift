import Fluent
import Vapor

/// Relaties > Organisaties: list and search, one organisation, the form to add or change one.
struct OrganisationsController {
    func index(_ request: Request) async throws -> Response {
        let filter = try OrganisationService.Filter.parse(request, names: .web)
        let format = try request.format()
        if format != .html {
            var all = filter
            (all.page, all.pageSize) = (1, Int(Int32.max))
            let page = try await OrganisationService(database: request.db, actor: request.auditActor).search(all)
            return try .csv(try await OrganisationsCSV.write(page.organisations, on: request.db), name: "organisaties.csv", format: format)
        }
        let (mayEdit, database) = (request.may(.editRelations), request.db)
        let viewer = try await request.viewer()
        return try await request.cachedPage(PageKey("organisations", filter), query: { try await OrganisationsIndex.query(filter, mayEdit: mayEdit, on: database) },
                                            view: { OrganisationsIndex.View(model: $0, viewer: viewer) })
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, id: try request.id())
    }

    private func page(_ request: Request, id: UUID, newPerson: OrganisationPage.NewPerson = .init()) async throws -> Response {
        let model = try await OrganisationPage.query(id, mayEdit: request.may(.editRelations), newPerson: newPerson, on: request.db)
        return .html(OrganisationPage.View(model: model, viewer: try await request.viewer()).render())
    }

    /// A person with a role here: one chosen with the picker, or a new one by name.
    func addPerson(_ request: Request) async throws -> Response {
        let id = try await OrganisationService.find(try request.id(), on: request.db).requireID()
        let input = try request.checkedForm(OrganisationPersonInput.self)
        let pickers = ["person"]
        return try await request.saving(pickers: pickers, {
            try await PersonService(database: request.db, actor: request.auditActor).add(try input.validated(), to: id)
            return SiteURL.organisation.path(id) + "#mensen"
        }, orShow: { problems in
            try await page(request, id: id, newPerson: .init(input: input, problems: problems, search: request.pickerSearch(among: pickers)))
        })
    }

    func newForm(_ request: Request) async throws -> Response {
        // From the watchlist: a register enterprise, by KvK number and name.
        var input = OrganisationInput(kind: Organisation.Kind.company.rawValue, name: request.queryText("naam"))
        input.kvkNumber = request.queryText("kvk")
        return try await form(request, id: nil, input: input, problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let organisation = try await OrganisationService.find(try request.id(), on: request.db)
        let service = OrganisationService(database: request.db, actor: request.auditActor)
        return try await form(request, id: organisation.id, input: OrganisationInput(organisation, establishments: try await service.establishments(of: organisation.requireID())), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(OrganisationInput.self)
        return try await request.saving({
            let values = try input.validated(reference: try ReferenceData.shared.get(), users: try await UserDirectory.load(on: request.db))
            let organisation = try await OrganisationService(database: request.db, actor: request.auditActor).create(values)
            return SiteURL.organisation.path(try organisation.requireID())
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let organisation = try await OrganisationService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(OrganisationInput.self)
        return try await request.saving({
            let values = try input.validated(reference: try ReferenceData.shared.get(), users: try await UserDirectory.load(on: request.db))
            try await OrganisationService(database: request.db, actor: request.auditActor).update(organisation, with: values)
            return SiteURL.organisation.path(try organisation.requireID())
        }, orShow: { try await form(request, id: organisation.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        let organisation = try await OrganisationService.find(try request.id(), on: request.db)
        _ = try request.checkedForm(CSRFOnly.self)
        try await OrganisationService(database: request.db, actor: request.auditActor).delete(organisation)
        return request.redirect(to: SiteURL.organisations.path)
    }

    func duplicates(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        // After a merge the URL names the organisation kept (never the words of the message).
        let model = try await DuplicatesPage.query(kept: request.queryText("samengevoegd").flatMap(UUID.init(uuidString:)), mayEdit: request.may(.editRelations), on: request.db)
        return .html(DuplicatesPage.View(model: model, viewer: viewer).render())
    }

    /// Merges the organisation `duplicate` (form field) into this one.
    func merge(_ request: Request) async throws -> Response {
        struct Form: Decodable { var duplicate: String? }
        let survivor = try await OrganisationService.find(try request.id(), on: request.db)
        let text = try request.checkedForm(Form.self).duplicate ?? ""
        let duplicate = try await OrganisationService.find(UUID(uuidString: text), on: request.db)
        try await OrganisationService(database: request.db, actor: request.auditActor).merge(duplicate, into: survivor)
        return request.redirect(to: SiteURL.duplicates.with([("samengevoegd", try survivor.requireID().uuidString)]))
    }

    private func form(_ request: Request, id: UUID?, input: OrganisationInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await OrganisationForm.query(id: id, input: input, problems: problems, on: request.db)
        return .html(OrganisationForm.View(model: model, viewer: viewer).render(), status: status)
    }
}
