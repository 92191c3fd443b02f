import Vapor

struct HomeController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let (area, database) = (self.area, request.db)
        let model = try await request.application.viewCache.value("home|\(area)", generation: try await ViewCache.generation(on: database)) {
            try await Home.query(area: area, on: database)
        }
        return Response.html(Home.View(model: model, viewer: try await request.viewer()).render())
    }
}
