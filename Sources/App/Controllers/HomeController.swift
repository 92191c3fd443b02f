import Vapor

struct HomeController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let model = try await Home.query(area: area, on: request.db)
        return Response.html(Home.View(model: model, viewer: try await request.viewer()).render())
    }
}

extension Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
    }
}
