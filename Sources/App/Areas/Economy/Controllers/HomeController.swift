import Vapor

struct HomeController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let (area, database) = (self.area, request.db)
        let model = try await request.application.viewCache.value("home|\(area)", generation: try await ViewCache.generation(on: database)) {
            try await Home.query(area: area, on: database)
        }
        // The goals are measured on every visit: engagements and acquisitions change them at once.
        let catalogue = try await IndicatorCatalogue.on(application: request.application, database: database)
        let goals = try await GoalEvaluation.evaluate(try await GoalService.all(on: database), catalogue: catalogue)
        return Response.html(Home.View(model: model, viewer: try await request.viewer(), goals: goals).render())
    }
}
