import Fluent
import Vapor

/// Relaties > Personen: list, one person, the form, roles, and the AVG export and erasure.
struct PeopleController {
    func index(_ request: Request) async throws -> Response {
        let format = try request.format()
        if format != .html {
            // Everyone's personal data at once: administrators only.
            guard request.may(.managePersonalData) else {
                throw Abort(.forbidden, reason: localized("Alleen een beheerder kan alle personen exporteren.", "Only an administrator can export all people."))
            }
            try await Audit.record(.export, .person, id: "*", changes: [], by: request.auditActor, on: request.db)
            return try .csv(try await PeopleCSV.write(on: request.db), name: "personen.csv", format: format)
        }
        var filter = PersonService.Filter()
        filter.text = request.queryText("q")
        filter.searchesContactDetails = request.may(.readContactDetails)
        filter.order = try ListOrder.read(request, default: .name)
        let (mayEdit, mayRead, database) = (request.may(.editRelations), request.may(.readContactDetails), request.db)
        let viewer = try await request.viewer()
        return try await request.cachedPage(PageKey("people", filter), query: { [filter] in
            try await PeopleIndex.query(filter, mayEdit: mayEdit, mayReadContactDetails: mayRead, on: database)
        }, view: { PeopleIndex.View(model: $0, viewer: viewer) })
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, id: try request.id())
    }

    private func page(
        _ request: Request, id: UUID, newRole: AffiliationInput = AffiliationInput(), problems: [FieldProblem] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let model = try await PersonPage.query(id, mayEdit: request.may(.editRelations), mayReadContactDetails: request.may(.readContactDetails),
                                               mayManagePersonalData: request.may(.managePersonalData), newRole: newRole,
                                               problems: problems, search: request.pickerSearch(among: Self.rolePickers), on: request.db)
        return .html(PersonPage.View(model: model, viewer: try await request.viewer()).render(), status: status)
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, id: nil, input: PersonInput(), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let person = try await PersonService.find(try request.id(), on: request.db)
        let consents = try await PersonService(database: request.db, actor: request.auditActor).consents(of: person.requireID())
        return try await form(request, id: person.id, input: PersonInput(person, consents: consents), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(PersonInput.self)
        return try await request.saving({
            let person = try await PersonService(database: request.db, actor: request.auditActor).create(try input.validated())
            return SiteURL.person.path(try person.requireID())
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let person = try await PersonService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(PersonInput.self)
        return try await request.saving({
            try await PersonService(database: request.db, actor: request.auditActor).update(person, with: try input.validated())
            return SiteURL.person.path(try person.requireID())
        }, orShow: { try await form(request, id: person.id, input: input, problems: $0) })
    }

    /// The pickers of the form to add a role.
    private static let rolePickers = ["organisation"]

    func addRole(_ request: Request) async throws -> Response {
        let person = try await PersonService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(AffiliationInput.self)
        return try await request.saving(pickers: Self.rolePickers, {
            try await PersonService(database: request.db, actor: request.auditActor).addRole(try input.validated(), to: person)
            return SiteURL.person.path(try person.requireID())
        }, orShow: { try await page(request, id: try person.requireID(), newRole: input, problems: $0) })
    }

    func removeRole(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        guard let role = try await Affiliation.find(try request.id(), on: request.db) else {
            throw Abort(.notFound, reason: localized("Deze rol bestaat niet (meer).", "This role does not exist (any more)."))
        }
        try await PersonService(database: request.db, actor: request.auditActor).removeRole(role)
        return request.redirect(to: SiteURL.person.path(role.$person.id))
    }

    /// Everything held about the person, as a JSON download (AVG right of access).
    func personalData(_ request: Request) async throws -> Response {
        let person = try await PersonService.find(try request.id(), on: request.db)
        let export = try await Privacy(database: request.db, actor: request.auditActor).export(person)
        let response = try await export.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"persoon-\(try person.requireID()).json\"")
        return response
    }

    func erase(_ request: Request) async throws -> Response {
        struct Confirmation: Decodable { var confirm: String? }
        let person = try await PersonService.find(try request.id(), on: request.db)
        guard try request.checkedForm(Confirmation.self).confirm == "yes" else {
            throw Abort(.badRequest, reason: localized("Vink aan dat u deze persoon definitief wilt wissen.", "Tick the box to confirm erasing this person for good."))
        }
        try await Privacy(database: request.db, actor: request.auditActor).erase(person)
        return request.redirect(to: SiteURL.people.path)
    }

    private func form(_ request: Request, id: UUID?, input: PersonInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        return .html(PersonForm.View(model: .init(id: id, input: input, problems: problems), viewer: viewer).render(), status: status)
    }
}
