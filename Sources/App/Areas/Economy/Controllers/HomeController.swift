import Vapor

struct HomeController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let (area, database) = (self.area, request.db)
        let model = try await request.application.viewCache.value("home|\(area)", generation: try await ViewCache.generation(on: database)) {
            try await Home.query(area: area, on: database)
        }
        // The goals are measured on every visit (engagements and acquisitions change them at once),
        // once there is a register to measure them with.
        var goals: [GoalEvaluation] = []
        if model.latest != nil {
            let catalogue = try await IndicatorCatalogue.on(application: request.application, database: database)
            goals = try await GoalEvaluation.evaluate(try await GoalService.all(on: database), catalogue: catalogue)
        }
        // One's own open follow-ups, for whoever works on relations.
        var tasks: MyTasks.Model?
        if request.may(.editRelations), let user = request.currentUser?.id {
            tasks = try await MyTasks.query(user: user, today: .today, on: database)
        }
        return Response.html(Home.View(model: model, viewer: try await request.viewer(), goals: goals, tasks: tasks,
                                       alerts: try await SignpostWatch.openAlerts(on: database), mayAcknowledge: request.may(.editProgramme)).render())
    }
}
