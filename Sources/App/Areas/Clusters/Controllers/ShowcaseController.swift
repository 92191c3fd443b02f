import Vapor

/// The public showcase of a growth cluster, and recording an organisation's consent to be in it.
struct ShowcaseController {
    let area: String

    /// `GET /etalage/:key?plek=`: public, no login.
    func show(_ request: Request) async throws -> Response {
        guard let key = request.parameters.get("id"), !key.isEmpty, key.count <= 40 else { throw Abort(.notFound) }
        let generation = try await request.dataState().generation
        let panel = try await request.application.viewCache.panel(generation: generation, on: request.db)
        let config = request.application.config
        let model = try await Showcase.query(key: key, place: request.queryText("plek"), area: area, region: config.region, panel: panel,
                                             cache: request.application.viewCache, generation: generation, on: request.db)
        return .html(Showcase.View(model: model).render())
    }

    struct ConsentForm: Content {
        /// "ja" to give (or keep) consent; without it the consent is withdrawn.
        var consent: TextList?
        var description: String?
    }

    /// `POST /relaties/organisaties/:id/etalage`: records, changes or withdraws the consent.
    func consent(_ request: Request) async throws -> Response {
        let organisation = try await OrganisationService.find(try request.id(), on: request.db)
        let form = try request.checkedForm(ConsentForm.self)
        let service = ShowcaseService(database: request.db, actor: request.auditActor)
        do {
            if form.consent?.items.contains(where: { $0.lowercased() == "ja" }) == true {
                try await service.consent(organisation, description: form.description)
            } else {
                try await service.withdraw(organisation)
            }
        } catch let error as InvalidFields {
            throw Abort(.unprocessableEntity, reason: localized("Korte beschrijving: ", "Short description: ") + error.problems.map(\.reason).joined(separator: "; "))
        }
        return request.redirect(to: SiteURL.organisation.path(try organisation.requireID()) + "#etalage")
    }
}
