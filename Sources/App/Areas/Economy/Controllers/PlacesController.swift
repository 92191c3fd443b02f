import Analysis
import Fluent
import Vapor

/// Economie > Plekken: the places with their figures, one place, and the form to add, change or
/// delete one (advisers and administrators).
struct PlacesController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let model = try await PlacesIndex.query(municipality: area, mayEdit: request.may(.editProgramme), request: request)
        return .html(PlacesIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    func show(_ request: Request) async throws -> Response {
        let place = try await PlaceService.find(key: try key(request), on: request.db)
        let model = try await PlacePage.query(place, municipality: area, mayEdit: request.may(.editProgramme), request: request)
        let format = try request.format()
        if format != .html {
            return try .csv(PlacePage.csv(model), name: "plek-\(model.key).csv", format: format)
        }
        // The map and tables are drawn once per place, data, language and right to edit.
        let key = "place-html|\(model.key)|\(model.postcodes.joined(separator: " "))|\(model.note ?? "")|\(model.mayEdit)|\(Language.current.rawValue)"
        let main = try await request.application.viewCache.value(key, generation: try await request.dataState().generation) {
            PlacePage.View(model: model, viewer: nil).main.fragment()
        }
        return .html(Layout.render(PlacePage.View(model: model, viewer: try await request.viewer()).page, main: .fragment(main)))
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, key: nil, input: PlaceInput(), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let place = try await PlaceService.find(key: try key(request), on: request.db)
        return try await form(request, key: place.key, input: PlaceInput(place), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(PlaceInput.self)
        return try await request.saving({
            let place = try await PlaceService(database: request.db, actor: request.auditActor).save(try await validated(input, except: nil, request: request))
            return SiteURL.place.path(place.key)
        }, orShow: { try await form(request, key: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let place = try await PlaceService.find(key: try key(request), on: request.db)
        let input = try request.checkedForm(PlaceInput.self)
        let oldKey = place.key
        return try await request.saving({
            try await PlaceService(database: request.db, actor: request.auditActor).save(try await validated(input, except: oldKey, request: request), to: place)
            return SiteURL.place.path(place.key)
        }, orShow: { try await form(request, key: oldKey, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let place = try await PlaceService.find(key: try key(request), on: request.db)
        try await PlaceService(database: request.db, actor: request.auditActor).delete(place)
        return request.redirect(to: SiteURL.places.path)
    }

    private func validated(_ input: PlaceInput, except key: String?, request: Request) async throws -> PlaceInput.Values {
        let (areas, name) = try PlaceService.municipality(area)
        let taken = Set(try await PlaceService.all(on: request.db).map(\.key)).subtracting([key].compactMap { $0 })
        return try input.validated(areas: areas, municipalityName: name, taken: taken)
    }

    private func form(_ request: Request, key: String?, input: PlaceInput, problems: [FieldProblem]) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let (areas, name) = try PlaceService.municipality(area)
        let model = PlaceForm.Model(key: key, input: input, problems: problems, municipalityName: name, areas: areas.sorted())
        return .html(PlaceForm.View(model: model, viewer: viewer).render())
    }

    private func key(_ request: Request) throws -> String {
        guard let key = request.parameters.get("id"), !key.isEmpty, key.count <= 40 else {
            throw Abort(.notFound, reason: localized("Deze pagina bestaat niet.", "This page does not exist."))
        }
        return key
    }
}
