import Vapor

/// Beheer > Audit (administrators only).
struct AuditController {
    func index(_ request: Request) async throws -> Response {
        // Known subjects and channels only; anything else is a 400 that lists what can be chosen.
        var filter = AuditIndex.Filter(entiteit: try request.choice("entiteit", as: Audit.Subject.self)?.rawValue,
                                       kanaal: try request.choice("kanaal", as: AuditEvent.Channel.self)?.rawValue,
                                       van: request.queryText("van"), tot: request.queryText("tot"))
        filter.pagina = try request.page()
        for day in [filter.van, filter.tot].compactMap({ $0 }) where !day.isEmpty && AuditIndex.day(day) == nil {
            throw Abort(.badRequest, reason: "'\(day)' is geen datum; gebruik jjjj-mm-dd.")
        }
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await AuditIndex.query(filter, on: request.db, viewer: viewer)
        return Response.html(AuditIndex.View(model: model).render())
    }
}
