import Fluent
import Vapor

/// Programma > driver-team meetings: one (its minutes), its form, and adding agenda items,
/// decisions and actions.
struct MeetingsController {
    func show(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        let model = try await MeetingPage.query(meeting, mayEdit: request.may(.editProgramme), on: request.db)
        return .html(MeetingPage.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    func newForm(_ request: Request) async throws -> Response {
        try await form(request, id: nil, input: MeetingInput(), problems: [])
    }

    func editForm(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        let details = try await MeetingService(database: request.db, actor: .system).details(of: meeting)
        let input = MeetingInput(date: meeting.date, title: meeting.title, location: meeting.location, minutes: meeting.minutes,
                                 attendees: TextList(details.attendees.map(\.id.uuidString)))
        return try await form(request, id: meeting.id, input: input, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        var input = try request.checkedForm(MeetingInput.self)
        (input.agenda, input.decisions, input.actions) = (nil, nil, nil)
        return try await request.saving(pickers: MeetingForm.pickers, {
            let values = try await input.validated(known: try await MeetingService.known(on: request.db), users: try await UserDirectory.load(on: request.db), on: request.db)
            return SiteURL.meeting.path(try await MeetingService(database: request.db, actor: request.auditActor).save(values).requireID())
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        var input = try request.checkedForm(MeetingInput.self)
        (input.agenda, input.decisions, input.actions) = (nil, nil, nil)
        return try await request.saving(pickers: MeetingForm.pickers, {
            let values = try await input.validated(known: try await MeetingService.known(on: request.db), users: try await UserDirectory.load(on: request.db), on: request.db)
            try await MeetingService(database: request.db, actor: request.auditActor).save(values, to: meeting)
            return SiteURL.meeting.path(try meeting.requireID())
        }, orShow: { try await form(request, id: meeting.id, input: input, problems: $0) })
    }

    func delete(_ request: Request) async throws -> Response {
        _ = try request.checkedForm(CSRFOnly.self)
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        try await MeetingService(database: request.db, actor: request.auditActor).delete(meeting)
        return request.redirect(to: SiteURL.driverTeam.path)
    }

    func addAgendaItem(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(AgendaItemInput.self)
        return try await request.saving(pickers: MeetingPage.pickers, {
            var check = FieldCheck()
            let values = input.validated(field: nil, known: try await MeetingService.known(on: request.db), check: &check)
            try check.throwIfAny()
            try await MeetingService(database: request.db, actor: request.auditActor).addAgendaItem(values!, to: meeting)
            return SiteURL.meeting.path(try meeting.requireID())
        }, orShow: { problems in
            var model = try await MeetingPage.query(meeting, mayEdit: true, on: request.db)
            model.organisation = try await PickerService(database: request.db).field(.organisations, "organisation", chosen: [input.organisation].compactMap { $0 },
                                                                                     search: request.pickerSearch(among: MeetingPage.pickers))
            (model.agenda, model.failed, model.problems) = (input, .agenda, problems)
            return try await page(request, model)
        })
    }

    func addDecision(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        var input = try request.checkedForm(DecisionInput.self)
        input.date = meeting.date
        return try await request.saving({
            try await MeetingService(database: request.db, actor: request.auditActor).record(try input.validated(), meeting: meeting)
            return SiteURL.meeting.path(try meeting.requireID())
        }, orShow: { problems in
            var model = try await MeetingPage.query(meeting, mayEdit: true, on: request.db)
            (model.decision, model.failed, model.problems) = (input, .decision, problems)
            return try await page(request, model)
        })
    }

    func addAction(_ request: Request) async throws -> Response {
        let meeting = try await MeetingService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(ActionInput.self)
        return try await request.saving({
            let values = try await input.validated(users: try await UserDirectory.load(on: request.db), on: request.db)
            try await MeetingService(database: request.db, actor: request.auditActor).addAction(values, to: meeting)
            return SiteURL.meeting.path(try meeting.requireID())
        }, orShow: { problems in
            var model = try await MeetingPage.query(meeting, mayEdit: true, on: request.db)
            (model.action, model.failed, model.problems) = (input, .action, problems)
            return try await page(request, model)
        })
    }

    private func page(_ request: Request, _ model: MeetingPage.Model) async throws -> Response {
        .html(MeetingPage.View(model: model, viewer: try await request.signedInViewer()).render())
    }

    private func form(_ request: Request, id: UUID?, input: MeetingInput, problems: [FieldProblem]) async throws -> Response {
        let model = try await MeetingForm.query(id: id, input: input, problems: problems, search: request.pickerSearch(among: MeetingForm.pickers), on: request.db)
        return .html(MeetingForm.View(model: model, viewer: try await request.signedInViewer()).render())
    }
}
