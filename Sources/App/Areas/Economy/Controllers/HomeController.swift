import Vapor

struct HomeController {
    let area: String

    func index(_ request: Request) async throws -> Response {
        let (area, database) = (self.area, request.db)
        let model = try await request.application.viewCache.value("home|\(area)", generation: try await request.dataState().generation) {
            try await Home.query(area: area, on: database)
        }
        // The goals, one's own open follow-ups (for whoever works on relations) and the open
        // alerts: measured again whenever any data changed (engagements and acquisitions move
        // the goals at once), once there is a register to measure them with.
        struct Extras: Sendable {
            let goals: [GoalEvaluation]
            let tasks: MyTasks.Model?
            let alerts: [SignpostAlert]
        }
        let (application, user, hasRegister) = (request.application, request.may(.editRelations) ? request.currentUser?.id : nil, model.latest != nil)
        let extras = try await request.cachedPerUser("home|\(area)") {
            var goals: [GoalEvaluation] = []
            if hasRegister {
                let catalogue = try await IndicatorCatalogue.on(application: application, database: database)
                goals = try await GoalEvaluation.evaluate(try await GoalService.all(on: database), catalogue: catalogue)
            }
            var tasks: MyTasks.Model?
            if let user { tasks = try await MyTasks.query(user: user, today: .today, on: database) }
            return Extras(goals: goals, tasks: tasks, alerts: try await SignpostWatch.openAlerts(on: database))
        }
        let (goals, tasks) = (extras.goals, extras.tasks)
        return Response.html(Home.View(model: model, viewer: try await request.viewer(), goals: goals, tasks: tasks,
                                       alerts: extras.alerts, mayAcknowledge: request.may(.editProgramme)).render())
    }
}
