import Fluent
import Vapor

/// Relaties > Ondernemersvragen.
struct QuestionsController {
    func index(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let status = try request.choice("status", as: Question.Status.self)
        var query = Question.query(on: request.db).with(\.$organisation)
        if let status { query = query.filter(\.$status == status) }
        let rows = try await query.sort(\.$receivedAt, .descending).limit(200).all().map { question in
            QuestionsPages.Row(id: try question.requireID(), question: question.question, channel: question.channel, status: question.status,
                               receivedAt: question.receivedAt, routedTo: question.routedTo, organisation: question.organisation?.name)
        }
        let overview = try await QuestionService(database: request.db, actor: request.auditActor).overview()
        return .html(QuestionsPages.IndexView(overview: overview, rows: rows, status: status, mayEdit: request.may(.editRelations), viewer: viewer).render())
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, id: nil, input: QuestionInput(organisation: request.query[String.self, at: "organisatie"]), problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let question = try await QuestionService.find(try request.id(), on: request.db)
        return try await form(request, id: question.id, input: QuestionsResource.input(question), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(QuestionInput.self)
        return try await request.saving({
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await QuestionService(database: request.db, actor: request.auditActor).create(values)
            return SiteURL.questions.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let question = try await QuestionService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(QuestionInput.self)
        return try await request.saving({
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await QuestionService(database: request.db, actor: request.auditActor).update(question, with: values)
            return SiteURL.questions.path
        }, orShow: { try await form(request, id: question.id, input: input, problems: $0) })
    }

    private func form(_ request: Request, id: UUID?, input: QuestionInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let organisations = try await Organisation.query(on: request.db).sort(\.$name).field(\.$id).field(\.$name).all()
        let view = QuestionsPages.FormView(id: id, input: input, problems: problems, organisations: try organisations.map { (try $0.requireID().uuidString, $0.name) },
                                           users: try await UserDirectory.load(on: request.db).users.map { ($0.id.uuidString, $0.name) }, viewer: viewer)
        return .html(view.render(), status: status)
    }
}
