import Fluent
import Vapor

/// Relaties > Ondernemersvragen.
struct QuestionsController {
    func index(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let filter = QuestionsIndex.Filter(
            status: try request.choice("status", as: Question.Status.self), channel: try request.choice("kanaal", as: Question.Channel.self),
            assignee: try request.uuid("behandelaar"), organisation: try request.uuid("organisatie"),
            order: try ListOrder.read(request, default: .received, descending: true))
        let (mayEdit, database) = (request.may(.editRelations), request.db)
        return try await request.cachedPage(PageKey("questions", filter), query: { try await QuestionsIndex.query(filter, mayEdit: mayEdit, on: database) },
                                            view: { QuestionsIndex.View(model: $0, viewer: viewer) })
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, id: nil, input: QuestionInput(organisation: request.queryText("organisatie")), problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let question = try await QuestionService.find(try request.id(), on: request.db)
        return try await form(request, id: question.id, input: QuestionsResource.input(question), problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(QuestionInput.self)
        return try await request.saving(pickers: QuestionForm.pickers, {
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await QuestionService(database: request.db, actor: request.auditActor).create(values)
            return SiteURL.questions.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let question = try await QuestionService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(QuestionInput.self)
        return try await request.saving(pickers: QuestionForm.pickers, {
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await QuestionService(database: request.db, actor: request.auditActor).update(question, with: values)
            return SiteURL.questions.path
        }, orShow: { try await form(request, id: question.id, input: input, problems: $0) })
    }

    private func form(_ request: Request, id: UUID?, input: QuestionInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await QuestionForm.query(id: id, input: input, problems: problems,
                                                 search: request.pickerSearch(among: QuestionForm.pickers), on: request.db)
        return .html(QuestionForm.View(model: model, viewer: viewer).render(), status: status)
    }
}
