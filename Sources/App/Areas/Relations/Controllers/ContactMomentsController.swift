import Fluent
import Vapor

/// Relaties > Contactmomenten, Mijn taken and the list of topics.
struct ContactMomentsController {
    func index(_ request: Request) async throws -> Response {
        let filter = ContactMomentsIndex.Filter(
            from: try request.day("vanaf"), to: try request.day("tot-en-met"), kind: try request.choice("soort", as: ContactMoment.Kind.self),
            organisation: try request.uuid("organisatie"), accountManager: try request.uuid("accountmanager"), topic: try request.uuid("onderwerp"),
            order: try ListOrder.read(request, default: .date, descending: true))
        let (mayEdit, database) = (request.may(.editRelations), request.db)
        let viewer = try await request.viewer()
        return try await request.cachedPage(PageKey("contact-moments", filter), query: { try await ContactMomentsIndex.query(filter, mayEdit: mayEdit, on: database) },
                                            view: { ContactMomentsIndex.View(model: $0, viewer: viewer) })
    }

    /// The form, with the organisation (`organisatie=`) and the user filled in.
    func newForm(_ request: Request) async throws -> Response {
        var input = ContactMomentInput()
        input.organisations = request.queryText("organisatie").map { TextList([$0]) }
        input.accountManagers = request.currentUser?.id.map { TextList([$0.uuidString]) }
        return try await form(request, id: nil, input: input, problems: [])
    }

    func show(_ request: Request) async throws -> Response {
        let moment = try await ContactMomentService.find(try request.id(), on: request.db)
        let links = try await ContactMomentService(database: request.db, actor: request.auditActor).links(of: moment.requireID())
        let list = { (link: ContactMomentService.Link) in TextList((links[link] ?? []).map(\.uuidString)) }
        let input = ContactMomentInput(date: moment.date, kind: moment.kind.rawValue, organisations: list(.organisations), people: list(.people),
                                       accountManagers: list(.managers), topics: list(.topics), notes: moment.notes)
        return try await form(request, id: moment.id, input: input, problems: [])
    }

    func create(_ request: Request) async throws -> Response {
        let input = try request.checkedForm(ContactMomentInput.self)
        return try await request.saving(pickers: ContactMomentForm.pickers, {
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await ContactMomentService(database: request.db, actor: request.auditActor).create(values)
            return values.organisations.first.map { SiteURL.organisation.path($0) } ?? SiteURL.contactMoments.path
        }, orShow: { try await form(request, id: nil, input: input, problems: $0) })
    }

    func update(_ request: Request) async throws -> Response {
        let moment = try await ContactMomentService.find(try request.id(), on: request.db)
        let input = try request.checkedForm(ContactMomentInput.self)
        return try await request.saving(pickers: ContactMomentForm.pickers, {
            let values = try await input.validated(on: request.db, users: try await UserDirectory.load(on: request.db))
            try await ContactMomentService(database: request.db, actor: request.auditActor).update(moment, with: values)
            return SiteURL.contactMoments.path
        }, orShow: { try await form(request, id: moment.id, input: input, problems: $0) })
    }

    private func form(_ request: Request, id: UUID?, input: ContactMomentInput, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await ContactMomentForm.query(id: id, input: input, problems: problems,
                                                      search: request.pickerSearch(among: ContactMomentForm.pickers), on: request.db)
        return .html(ContactMomentForm.View(model: model, viewer: viewer).render(), status: status)
    }

    func myTasks(_ request: Request) async throws -> Response {
        guard let viewer = try await request.viewer(), let user = request.currentUser?.id else { throw Abort(.unauthorized) }
        return .html(MyTasks.View(model: try await MyTasks.query(user: user, today: .today, on: request.db), viewer: viewer).render())
    }

    func setFollowUpStatus(_ request: Request) async throws -> Response {
        struct Form: Decodable { var status: String? }
        let followUp = try await FollowUpService.find(try request.id(), on: request.db)
        var check = FieldCheck()
        let status = check.requiredChoice("status", try request.checkedForm(Form.self).status, as: FollowUp.Status.self)
        guard let status else { throw Abort(.badRequest, reason: check.problems.map(\.reason).joined(separator: "; ")) }
        try await FollowUpService(database: request.db, actor: request.auditActor).setStatus(followUp, status)
        return request.redirect(to: SiteURL.myTasks.path)
    }

    /// A follow-up postponed (`due_on`) or reassigned (`owner`), from Mijn taken.
    func replanFollowUp(_ request: Request) async throws -> Response {
        struct Form: Decodable { var due_on: String?; var owner: String? }
        let followUp = try await FollowUpService.find(try request.id(), on: request.db)
        let form = try request.checkedForm(Form.self)
        // Only someone who works on relations can take a follow-up over (a viewer has no task list).
        let owners = try await User.query(on: request.db).filter(\.$active == true).all().filter { $0.role.may(.editRelations) }
        var problems: [String] = []
        let due = form.due_on.flatMap(CalendarDay.init)
        if due == nil {
            problems.append(localized("Nieuwe datum: '\(form.due_on ?? "")' is geen datum als 2025-03-14", "New date: '\(form.due_on ?? "")' is not a date like 2025-03-14"))
        } else if let due, due.text != followUp.dueOn, due < .today {
            problems.append(localized("Nieuwe datum: uitstellen kan tot vandaag of later, niet tot \(due.dutch)", "New date: postpone to today or later, not to \(due.dutch)"))
        }
        let owner = form.owner.flatMap(UUID.init(uuidString:)).flatMap { id in owners.first { $0.id == id }?.id }
        if owner == nil { problems.append(localized("Door: kies een collega die relaties bijhoudt", "By: choose a colleague who works on relations")) }
        guard problems.isEmpty, let due, let owner else {
            throw Abort(.badRequest, reason: localized("Niet gewijzigd. ", "Not changed. ") + problems.joined(separator: "; "))
        }
        try await FollowUpService(database: request.db, actor: request.auditActor).replan(followUp, dueOn: due.text, owner: owner)
        return request.redirect(to: SiteURL.myTasks.path)
    }

    func topics(_ request: Request) async throws -> Response {
        try await topicsPage(request, problems: [])
    }

    /// Adds a topic (`name`) or renames one (`:id`).
    func saveTopic(_ request: Request) async throws -> Response {
        struct Form: Decodable { var name: String? }
        var check = FieldCheck()
        let name = check.required("name", try request.checkedForm(Form.self).name, maxLength: 80)
        if let name, try await Topic.query(on: request.db).filter(\.$name == name).first() != nil {
            check.report("name", localized("'\(name)' staat al in de lijst", "'\(name)' is already in the list"))
        }
        guard check.problems.isEmpty, let name else { return try await topicsPage(request, problems: check.problems, status: .unprocessableEntity) }
        var topic = Topic()
        if let id = request.parameters.get("id", as: UUID.self) {
            guard let found = try await Topic.find(id, on: request.db) else { throw Abort(.notFound) }
            topic = found
        }
        let old = topic.id == nil ? nil : topic.name
        topic.name = name
        try await topic.save(on: request.db)
        try await Audit.record(old == nil ? .create : .update, .topic, id: try topic.requireID().uuidString, changes: [.value("name", old: old, new: name)],
                               by: request.auditActor, on: request.db)
        return request.redirect(to: SiteURL.topics.path)
    }

    private func topicsPage(_ request: Request, problems: [FieldProblem], status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        let model = try await TopicsPage.query(problems: problems, mayEdit: request.may(.editRelations), on: request.db)
        return .html(TopicsPage.View(model: model, viewer: viewer).render(), status: status)
    }
}
