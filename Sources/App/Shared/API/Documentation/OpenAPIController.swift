import NIOConcurrencyHelpers
import Vapor

/// `GET /api/v1/openapi.json`: the API's description, for anyone (it holds no data). Made from
/// the routes at the first request, after every area has registered its own, then kept.
struct OpenAPIController {
    private let document = NIOLockedValueBox<Data?>(nil)

    func register(on routes: AreaRoutes) {
        routes.api.get(SiteURL.openAPI.pathComponents, use: show)
            .documented("This document", "The OpenAPI 3.1 description of every operation under /api/v1.", files: ["application/json"], isPublic: true)
    }

    @Sendable func show(_ request: Request) throws -> Response {
        let data = try document.withLockedValue { kept in
            if let kept { return kept }
            let made = try OpenAPIDocument.build(routes: request.application.routes.all).encoded()
            kept = made
            return made
        }
        return Response(status: .ok, headers: ["Content-Type": "application/json", "Cache-Control": "public, max-age=300"], body: .init(data: data))
    }
}
