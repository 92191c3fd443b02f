import Fluent
import Foundation
import Vapor

/// A driver-team meeting as the form or the API gives it. The agenda, decisions and actions are
/// optional lists: left out (the form, a PATCH), the stored ones stay; given, they replace them.
struct MeetingInput: Content, Sendable, Equatable {
    var date: String?
    var title: String?
    var location: String?
    var minutes: String?
    /// People of the register.
    var attendees: TextList?
    var agenda: [AgendaItemInput]?
    var decisions: [DecisionInput]?
    var actions: [ActionInput]?

    struct Values: Sendable, Equatable {
        var date: String
        var title: String
        var location: String?
        var minutes: String?
        var attendees: [UUID]
        var agenda: [AgendaItemInput.Values]?
        var decisions: [DecisionInput.Values]?
        var actions: [ActionInput.Values]?
    }

    func validated(known: AgendaItemInput.Known, users: UserDirectory, on database: Database) async throws -> Values {
        var check = FieldCheck()
        let date = check.requiredDate("date", date)
        let title = check.required("title", title)
        let location = check.optional("location", location, maxLength: 200)
        let minutes = check.optional("minutes", minutes, maxLength: 20_000)
        var attendees: [UUID] = []
        for text in self.attendees?.items ?? [] {
            guard let id = UUID(uuidString: text) else { check.report("attendees", localized("'\(text.prefix(40))' is geen persoon", "'\(text.prefix(40))' is not a person")); continue }
            if !attendees.contains(id) { attendees.append(id) }
        }
        let agenda = self.agenda.map { items in items.enumerated().compactMap { $1.validated(field: "agenda[\($0)]", known: known, check: &check) } }
        let decisions = self.decisions.map { items in
            items.enumerated().compactMap { $1.validated(field: "decisions[\($0)]", defaultDate: date, check: &check) }
        }
        var actions: [ActionInput.Values]?
        if let list = self.actions {
            actions = []
            for (index, action) in list.enumerated() {
                do {
                    actions!.append(try await action.validated(users: users, on: database))
                } catch let invalid as InvalidFields {
                    for problem in invalid.problems { check.report("actions[\(index)].\(problem.field)", problem.reason) }
                }
            }
        }
        try check.throwIfAny()
        return Values(date: date!, title: title!, location: location, minutes: minutes, attendees: attendees, agenda: agenda, decisions: decisions, actions: actions)
    }
}

/// A point on the agenda, about at most one project, goal, cluster or organisation.
struct AgendaItemInput: Content, Sendable, Equatable {
    var title: String?
    var project: String?
    /// A goal's key.
    var goal: String?
    /// A cluster's key.
    var cluster: String?
    var organisation: String?

    struct Values: Sendable, Equatable {
        var title: String
        var project: UUID?
        var goal: UUID?
        var cluster: UUID?
        var organisation: UUID?
    }

    /// The projects, goals and clusters an item may name (goals and clusters by key).
    struct Known: Sendable {
        var projects: Set<UUID>
        var goals: [String: UUID]
        var clusters: [String: UUID]
    }

    func validated(field: String?, known: Known, check: inout FieldCheck) -> Values? {
        let name = { (plain: String) in field.map { "\($0).\(plain)" } ?? plain }
        let before = check.problems.count
        let title = check.required(name("title"), self.title, maxLength: 500)
        let project = check.optional(name("project"), project, maxLength: 40).flatMap { text -> UUID? in
            guard let id = UUID(uuidString: text), known.projects.contains(id) else {
                check.report(name("project"), localized("'\(text)' is geen project", "'\(text)' is not a project")); return nil
            }
            return id
        }
        let goal = check.optional(name("goal"), goal, maxLength: 40).flatMap { text -> UUID? in
            guard let id = known.goals[text.lowercased()] else { check.report(name("goal"), localized("'\(text)' is geen doel", "'\(text)' is not a goal")); return nil }
            return id
        }
        let cluster = check.optional(name("cluster"), cluster, maxLength: 40).flatMap { text -> UUID? in
            guard let id = known.clusters[text.lowercased()] else { check.report(name("cluster"), localized("'\(text)' is geen cluster", "'\(text)' is not a cluster")); return nil }
            return id
        }
        let organisation = check.optional(name("organisation"), organisation, maxLength: 40).flatMap { text -> UUID? in
            guard let id = UUID(uuidString: text) else { check.report(name("organisation"), localized("'\(text)' is geen organisatie", "'\(text)' is not an organisation")); return nil }
            return id
        }
        if [project, goal, cluster, organisation].compactMap({ $0 }).count > 1 {
            check.report(name("project"), localized("een agendapunt gaat over één project, doel, cluster of organisatie", "an agenda item is about one project, goal, cluster or organisation"))
        }
        guard check.problems.count == before, let title else { return nil }
        return Values(title: title, project: project, goal: goal, cluster: cluster, organisation: organisation)
    }
}

/// A decision: what, by whom, why, on which day, about which project.
struct DecisionInput: Content, Sendable, Equatable {
    var date: String?
    var decision: String?
    var decidedBy: String?
    var reasoning: String?
    var project: String?

    enum CodingKeys: String, CodingKey { case date, decision, reasoning, project, decidedBy = "decided_by" }

    struct Values: Sendable, Equatable {
        var date: String
        var decision: String
        var decidedBy: String
        var reasoning: String?
        var project: UUID?
    }

    /// `defaultDate`: the meeting's day, for a decision taken there.
    func validated(field: String? = nil, defaultDate: String? = nil, check: inout FieldCheck) -> Values? {
        let name = { (plain: String) in field.map { "\($0).\(plain)" } ?? plain }
        let before = check.problems.count
        let date = check.optional(name("date"), date) == nil ? defaultDate : check.date(name("date"), date)
        if date == nil, check.problems.count == before { check.report(name("date"), localized("is verplicht", "is required")) }
        let decision = check.required(name("decision"), decision, maxLength: 2000)
        let decidedBy = check.optional(name("decided_by"), decidedBy, maxLength: 200) ?? localized("Aanjaagteam", "Driver team")
        let reasoning = check.optional(name("reasoning"), reasoning, maxLength: 4000)
        let project = check.optional(name("project"), project, maxLength: 40).flatMap { text -> UUID? in
            guard let id = UUID(uuidString: text) else { check.report(name("project"), localized("'\(text)' is geen project", "'\(text)' is not a project")); return nil }
            return id
        }
        guard check.problems.count == before, let date, let decision else { return nil }
        return Values(date: date, decision: decision, decidedBy: decidedBy, reasoning: reasoning, project: project)
    }

    func validated() throws -> Values {
        var check = FieldCheck()
        let values = validated(check: &check)
        try check.throwIfAny()
        return values!
    }
}

/// An action of a meeting: a follow-up (what, owner, due date, status) that may name a project.
struct ActionInput: Content, Sendable, Equatable {
    var description: String?
    /// A user's id or e-mail address.
    var owner: String?
    var dueOn: String?
    var status: String?
    var project: String?

    enum CodingKeys: String, CodingKey { case description, owner, status, project, dueOn = "due_on" }

    struct Values: Sendable, Equatable {
        var followUp: FollowUpInput.Values
        var project: UUID?
    }

    /// The follow-up's own rules (an owner who is a user, a due date); the project must exist.
    func validated(users: UserDirectory, on database: Database) async throws -> Values {
        var problems: [FieldProblem] = []
        var followUp: FollowUpInput.Values?
        do {
            followUp = try await FollowUpInput(description: description, owner: owner, dueOn: dueOn, status: status).validated(users: users, on: database)
        } catch let invalid as InvalidFields {
            problems = invalid.problems
        }
        var project: UUID?
        if let text = self.project?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            project = UUID(uuidString: text)
            let found = project == nil ? nil : try await Project.find(project, on: database)
            if found == nil {
                problems.append(FieldProblem(field: "project", reason: localized("'\(text.prefix(40))' is geen project", "'\(text.prefix(40))' is not a project")))
            }
        }
        guard problems.isEmpty, let followUp else { throw InvalidFields(problems) }
        return Values(followUp: followUp, project: project)
    }
}
