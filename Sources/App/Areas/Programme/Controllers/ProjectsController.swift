import Fluent
import Vapor

/// Programma > Projecten: the list (and CSV), one project, its form, scores, milestones and decisions.
struct ProjectsController {
    func index(_ request: Request) async throws -> Response {
        let filter = ProjectsIndex.Filter(phase: try request.choice("fase", as: Project.Phase.self),
                                          cluster: request.queryText("cluster").flatMap { $0.isEmpty ? nil : String($0.lowercased().prefix(40)) },
                                          goal: request.queryText("doel").flatMap { $0.isEmpty ? nil : String($0.lowercased().prefix(40)) })
        let format = try request.format()
        let model = try await ProjectsIndex.query(filter, mayEdit: request.may(.editProgramme), on: request.db)
        if format != .html { return try .csv(ProjectsIndex.csv(model), name: "projecten.csv", format: format) }
        return .html(ProjectsIndex.View(model: model, viewer: try await request.viewer()).render())
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, try await ProjectService.find(try request.id(), on: request.db))
    }

    func newForm(_ request: Request) async throws -> Response {
        var input = ProjectInput()
        input.clusters = request.queryText("cluster").map { TextList([$0]) }
        return try await form(request, id: nil, input: input, problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        return try await form(request, id: project.id, input: try await ProjectsResource.input(of: project, on: request.db, lists: false), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(ProjectInput.self)
        return try await request.saving(pickers: ProjectForm.pickers, {
            let values = try input.validated(known: try await ProjectService.known(on: request.db))
            return SiteURL.project.path(try await ProjectService(database: request.db, actor: request.auditActor).save(values).requireID())
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        var input = try request.checkedForm(ProjectInput.self)
        (input.milestones, input.scores) = (nil, nil)
        return try await request.saving(pickers: ProjectForm.pickers, {
            let values = try input.validated(known: try await ProjectService.known(on: request.db))
            try await ProjectService(database: request.db, actor: request.auditActor).save(values, to: project)
            return SiteURL.project.path(try project.requireID())
        }, orShow: { try await form(request, id: project.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let project = try await ProjectService.find(try request.id(), on: request.db)
        try await ProjectService(database: request.db, actor: request.auditActor).delete(project)
        return request.redirect(to: SiteURL.projects.path)
    }

    // MARK: Scores

    func scoreForm(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        let assessor = request.queryText("beoordelaar").map { String($0.prefix(60)) }
        return try await scorePage(request, project, assessor: assessor, input: nil, problems: [])
    }

    func score(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(ScoreForm.Input.self)
        return try await request.saving({
            let assessors = Set(try await Assessor.choices(me: request.currentUser?.id, on: request.db).map(\.value))
            let (assessor, scores) = try input.validated(assessors: assessors)
            try await ProjectService(database: request.db, actor: request.auditActor).score(project, by: assessor, scores)
            return SiteURL.project.path(try project.requireID())
        }, orShow: { try await scorePage(request, project, assessor: input.assessor, input: input, problems: $0) })
    }

    // MARK: Milestones and decisions

    func addMilestone(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(MilestoneInput.self)
        return try await request.saving({
            var check = FieldCheck()
            let values = input.validated(endsOn: project.endsOn, check: &check)
            try check.throwIfAny()
            try await ProjectService(database: request.db, actor: request.auditActor).addMilestone(values!, to: project)
            return SiteURL.project.path(try project.requireID())
        }, orShow: { problems in
            var model = try await ProjectPage.query(project, mayEdit: true, on: request.db)
            (model.milestone, model.problems, model.failedForm) = (input, problems, "milestone")
            return .html(ProjectPage.View(model: model, viewer: try await request.signedInViewer()).render())
        })
    }

    struct DoneForm: Content { var done: String? }

    func setMilestone(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(DoneForm.self)
        let milestone = try await Milestone.find(try request.id(), on: request.db, missing: localized("Deze mijlpaal bestaat niet (meer).", "This milestone does not exist (any more)."))
        try await ProjectService(database: request.db, actor: request.auditActor).setDone(milestone, form.done == "true")
        return request.redirect(to: SiteURL.project.path(milestone.$project.id))
    }

    func deleteMilestone(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let milestone = try await Milestone.find(try request.id(), on: request.db, missing: localized("Deze mijlpaal bestaat niet (meer).", "This milestone does not exist (any more)."))
        try await ProjectService(database: request.db, actor: request.auditActor).deleteMilestone(milestone)
        return request.redirect(to: SiteURL.project.path(milestone.$project.id))
    }

    func addDecision(_ request: Request) async throws -> Response {
        let project = try await ProjectService.find(try request.id(), on: request.db)
        var input = try request.checkedForm(DecisionInput.self)
        input.project = try project.requireID().uuidString
        return try await request.saving({
            try await MeetingService(database: request.db, actor: request.auditActor).record(try input.validated(), meeting: nil)
            return SiteURL.project.path(try project.requireID())
        }, orShow: { problems in
            var model = try await ProjectPage.query(project, mayEdit: true, on: request.db)
            (model.decision, model.problems, model.failedForm) = (input, problems, "decision")
            return .html(ProjectPage.View(model: model, viewer: try await request.signedInViewer()).render())
        })
    }

    // MARK: Pages

    private func page(_ request: Request, _ project: Project) async throws -> Response {
        let model = try await ProjectPage.query(project, mayEdit: request.may(.editProgramme), on: request.db)
        return .html(ProjectPage.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    private func form(_ request: Request, id: UUID?, input: ProjectInput, problems: [FieldProblem]) async throws -> Response {
        let model = try await ProjectForm.query(id: id, input: input, problems: problems, search: request.pickerSearch(among: ProjectForm.pickers), on: request.db)
        return .html(ProjectForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    private func scorePage(_ request: Request, _ project: Project, assessor: String?, input: ScoreForm.Input?, problems: [FieldProblem]) async throws -> Response {
        let model = try await ScoreForm.query(project, assessor: assessor, me: request.currentUser?.id, input: input, problems: problems, on: request.db)
        return .html(ScoreForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }
}
