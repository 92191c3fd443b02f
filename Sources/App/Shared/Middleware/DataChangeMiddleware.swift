import Vapor

/// After a change through the web or the API succeeded, moves the data version
/// (`Setting.dataChanged`), so that every instance's caches of relations, goals and the
/// programme are read afresh at the next request. Placed outside the other middleware of the
/// route groups, so it runs after everything a change writes (signposts included). Commands
/// that write move the version themselves.
struct DataChangeMiddleware: ChainedMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if ![.GET, .HEAD, .OPTIONS].contains(request.method), response.status.code < 400 {
            try await Setting.dataChanged(on: request.db)
            RecentReads.changed()
        }
        return response
    }
}
