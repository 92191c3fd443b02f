import Fluent
import Foundation
import SQLKit
import Vapor

/// Driver-team meetings: saving one with its attendees (and, from the API, its agenda, decisions
/// and actions), adding an agenda item, a decision or an action, and reading one whole.
struct MeetingService {
    let database: Database
    let actor: Audit.Actor

    static func find(_ id: UUID?, on database: Database) async throws -> Meeting {
        try await Meeting.find(id, on: database, missing: localized("Dit overleg bestaat niet (meer).", "This meeting does not exist (any more)."))
    }

    static func known(on database: Database) async throws -> AgendaItemInput.Known {
        AgendaItemInput.Known(projects: Set(try await Project.query(on: database).all().compactMap(\.id)),
                              goals: Dictionary(uniqueKeysWithValues: try await Goal.query(on: database).all().map { ($0.key, try $0.requireID()) }),
                              clusters: try await ClusterService.idsByKey(on: database))
    }

    @discardableResult
    func save(_ values: MeetingInput.Values, to meeting: Meeting = Meeting()) async throws -> Meeting {
        let people = Set(try await Person.query(on: database).filter(\.$id ~~ values.attendees).all().compactMap(\.id))
        if let missing = values.attendees.first(where: { !people.contains($0) }) {
            throw InvalidFields("attendees", localized("de persoon \(missing) bestaat niet (meer)", "the person \(missing) does not exist (any more)"))
        }
        try await checkOrganisations((values.agenda ?? []).compactMap(\.organisation))
        try await checkProjects((values.decisions ?? []).compactMap(\.project))
        let isNew = meeting.id == nil
        let old = isNew ? nil : (date: meeting.date, title: meeting.title)
        try await database.transaction { database in
            (meeting.date, meeting.title, meeting.location, meeting.minutes) = (values.date, values.title, values.location, values.minutes)
            try await meeting.save(on: database)
            let id = try meeting.requireID()
            try await (database as! any SQLDatabase).replaceLinks(in: "meeting_attendees", owner: "meeting_id", id, to: "person_id", values: values.attendees.map(BulkValue.uuid))
            if let agenda = values.agenda {
                try await AgendaItem.query(on: database).filter(\.$meeting.$id == id).delete()
                for item in agenda { try await Self.insert(item, meeting: id, on: database) }
            }
            if let decisions = values.decisions {
                try await Decision.query(on: database).filter(\.$meeting.$id == id).delete()
                for decision in decisions { try await Self.insert(decision, meeting: id, on: database) }
            }
            if let actions = values.actions {
                try await FollowUp.query(on: database).filter(\.$meeting.$id == id).delete()
                for action in actions { try await Self.insert(action, meeting: id, actor: actor, on: database) }
            }
            try await Audit.record(isNew ? .create : .update, .meeting, id: id.uuidString, changes: [
                .value("date", old: old?.date, new: values.date), .value("title", old: old?.title, new: values.title), .personal("attendees"), .personal("minutes"),
            ], by: actor, on: database)
        }
        return meeting
    }

    /// Deletes a meeting and the decisions that were only its own; a decision about a project stays
    /// in that project's log and an action stays a follow-up of its owner.
    func delete(_ meeting: Meeting) async throws {
        let id = try meeting.requireID()
        try await database.transaction { database in
            try await Decision.query(on: database).filter(\.$meeting.$id == id).filter(\.$project.$id == nil).delete()
            try await Decision.query(on: database).filter(\.$meeting.$id == id).set(\.$meeting.$id, to: nil).update()
            try await FollowUp.query(on: database).filter(\.$meeting.$id == id).set(\.$meeting.$id, to: nil).update()
            try await meeting.delete(on: database)
            try await Audit.record(.delete, .meeting, id: id.uuidString, changes: [.value("date", old: meeting.date, new: nil), .value("title", old: meeting.title, new: nil)],
                                   by: actor, on: database)
        }
    }

    func addAgendaItem(_ values: AgendaItemInput.Values, to meeting: Meeting) async throws {
        try await checkOrganisations([values.organisation].compactMap { $0 })
        let id = try meeting.requireID()
        try await database.transaction { database in
            try await Self.insert(values, meeting: id, on: database)
            try await Audit.record(.update, .meeting, id: id.uuidString, changes: [.value("agenda_item", old: nil, new: values.title)], by: actor, on: database)
        }
    }

    /// A decision about a project, or of a meeting (and then in the named project's log too).
    func record(_ values: DecisionInput.Values, meeting: Meeting?) async throws {
        try await checkProjects([values.project].compactMap { $0 })
        let meetingID = try meeting?.requireID()
        try await database.transaction { database in
            let decision = try await Self.insert(values, meeting: meetingID, on: database)
            try await Audit.record(.create, meetingID == nil ? .project : .meeting, id: (meetingID ?? values.project)?.uuidString ?? "",
                                   changes: [.value("decision", old: nil, new: try decision.requireID().uuidString), .personal("decision_text")], by: actor, on: database)
        }
    }

    func addAction(_ values: ActionInput.Values, to meeting: Meeting) async throws {
        let id = try meeting.requireID()
        try await database.transaction { database in
            try await Self.insert(values, meeting: id, actor: actor, on: database)
        }
    }

    /// A meeting with everything in it, as its page, its minutes and the API show it.
    struct Details: Sendable {
        struct Item: Sendable {
            let title: String
            /// What it is about: a label and a link.
            let subject: (label: String, link: String)?
            let project: UUID?
            let goalKey: String?
            let clusterKey: String?
            let organisation: UUID?
        }

        struct Action: Sendable {
            let id: UUID
            let description: String
            let owner: Named
            let dueOn: String
            let status: FollowUp.Status
            let project: Named?
        }

        struct DecisionRow: Sendable {
            let id: UUID
            let date: String
            let decision: String
            let decidedBy: String
            let reasoning: String?
            let project: Named?
        }

        let id: UUID
        let date: String
        let title: String
        let location: String?
        let minutes: String?
        let attendees: [Named]
        let agenda: [Item]
        let decisions: [DecisionRow]
        let actions: [Action]
    }

    func details(of meeting: Meeting) async throws -> Details {
        let id = try meeting.requireID()
        let sql = database as! any SQLDatabase
        let attendeeIDs = try await sql.select().column("person_id").from("meeting_attendees").where("meeting_id", .equal, id).all()
            .map { try $0.decode(column: "person_id", as: UUID.self) }
        let attendees = try await Person.query(on: database).filter(\.$id ~~ attendeeIDs).all().map { Named(id: try $0.requireID(), name: $0.name) }
            .sorted { $0.name < $1.name }
        let items = try await AgendaItem.query(on: database).filter(\.$meeting.$id == id).with(\.$project).with(\.$goal).with(\.$cluster).with(\.$organisation)
            .sort(\.$position).all()
        let agenda = items.map { item -> Details.Item in
            let subject: (label: String, link: String)? = if let project = item.project, let projectID = project.id {
                (project.name, SiteURL.project.path(projectID))
            } else if let goal = item.goal {
                (goal.title, SiteURL.goal.path(goal.key))
            } else if let cluster = item.cluster {
                (cluster.name, SiteURL.cluster.path(cluster.key))
            } else if let organisation = item.organisation, let organisationID = organisation.id {
                (organisation.name, SiteURL.organisation.path(organisationID))
            } else { nil }
            return Details.Item(title: item.title, subject: subject, project: item.$project.id, goalKey: item.goal?.key, clusterKey: item.cluster?.key,
                                organisation: item.$organisation.id)
        }
        let decisions = try await Decision.query(on: database).filter(\.$meeting.$id == id).with(\.$project).sort(\.$createdAt).all().map(Self.row)
        let actions = try await FollowUp.query(on: database).filter(\.$meeting.$id == id).with(\.$owner).with(\.$project).sort(\.$dueOn).all().map { action in
            Details.Action(id: try action.requireID(), description: action.description, owner: Named(id: try action.owner.requireID(), name: action.owner.name),
                           dueOn: action.dueOn, status: action.status, project: try action.project.map { Named(id: try $0.requireID(), name: $0.name) })
        }
        return Details(id: id, date: meeting.date, title: meeting.title, location: meeting.location, minutes: meeting.minutes, attendees: attendees,
                       agenda: agenda, decisions: decisions, actions: actions)
    }

    static func row(_ decision: Decision) throws -> Details.DecisionRow {
        Details.DecisionRow(id: try decision.requireID(), date: decision.date, decision: decision.decision, decidedBy: decision.decidedBy,
                            reasoning: decision.reasoning, project: try decision.project.map { Named(id: try $0.requireID(), name: $0.name) })
    }

    private static func insert(_ values: AgendaItemInput.Values, meeting: UUID, on database: Database) async throws {
        let position = (try await AgendaItem.query(on: database).filter(\.$meeting.$id == meeting).max(\.$position) ?? 0) + 1
        let item = AgendaItem()
        (item.$meeting.id, item.position, item.title) = (meeting, position, values.title)
        (item.$project.id, item.$goal.id, item.$cluster.id, item.$organisation.id) = (values.project, values.goal, values.cluster, values.organisation)
        try await item.create(on: database)
    }

    @discardableResult
    private static func insert(_ values: DecisionInput.Values, meeting: UUID?, on database: Database) async throws -> Decision {
        let decision = Decision()
        (decision.date, decision.decision, decision.decidedBy, decision.reasoning) = (values.date, values.decision, values.decidedBy, values.reasoning)
        (decision.$project.id, decision.$meeting.id) = (values.project, meeting)
        try await decision.create(on: database)
        return decision
    }

    /// An action is a follow-up (audited as one) that names the meeting and perhaps a project.
    private static func insert(_ values: ActionInput.Values, meeting: UUID, actor: Audit.Actor, on database: Database) async throws {
        let followUp = try await FollowUpService(database: database, actor: actor).create(values.followUp)
        (followUp.$meeting.id, followUp.$project.id) = (meeting, values.project)
        try await followUp.save(on: database)
    }

    private func checkOrganisations(_ ids: [UUID]) async throws {
        let known = Set(try await Organisation.query(on: database).filter(\.$id ~~ ids).all().compactMap(\.id))
        if let missing = ids.first(where: { !known.contains($0) }) {
            throw InvalidFields("organisation", localized("de organisatie \(missing) bestaat niet (meer)", "the organisation \(missing) does not exist (any more)"))
        }
    }

    private func checkProjects(_ ids: [UUID]) async throws {
        let known = Set(try await Project.query(on: database).filter(\.$id ~~ ids).all().compactMap(\.id))
        if let missing = ids.first(where: { !known.contains($0) }) {
            throw InvalidFields("project", localized("het project \(missing) bestaat niet (meer)", "the project \(missing) does not exist (any more)"))
        }
    }
}

/// The driver team's seats: adding a member and ending a seat.
struct DriverTeamService {
    let database: Database
    let actor: Audit.Actor

    /// The members on `day` (seats that began by then and did not end by then), by side, then name.
    static func members(on day: CalendarDay = .today, database: Database) async throws -> [(member: DriverTeamMember, person: Named)] {
        try await DriverTeamMember.query(on: database).with(\.$person).all()
            .filter { $0.since <= day.text && ($0.until.map { $0 > day.text } ?? true) }
            .map { ($0, Named(id: try $0.person.requireID(), name: $0.person.name)) }
            .sorted { (DriverTeamMember.Side.allCases.firstIndex(of: $0.member.side)!, $0.person.name) < (DriverTeamMember.Side.allCases.firstIndex(of: $1.member.side)!, $1.person.name) }
    }

    func add(person: UUID, side: DriverTeamMember.Side, since: String) async throws {
        guard try await Person.find(person, on: database) != nil else {
            throw InvalidFields("person", localized("de persoon \(person) bestaat niet (meer)", "the person \(person) does not exist (any more)"))
        }
        let seats = try await DriverTeamMember.query(on: database).filter(\.$person.$id == person).all()
        if seats.contains(where: { $0.until == nil || $0.until! >= since }) {
            throw InvalidFields("person", localized("deze persoon heeft al een zetel in het aanjaagteam", "this person already has a seat in the driver team"))
        }
        let member = DriverTeamMember()
        (member.$person.id, member.side, member.since) = (person, side, since)
        try await database.transaction { database in
            try await member.create(on: database)
            try await Audit.record(.create, .driverTeamMember, id: try member.requireID().uuidString, changes: [.value("side", old: nil, new: side.rawValue), .personal("person")],
                                   by: actor, on: database)
        }
    }

    /// The seat ends on `day` (the member stays in earlier meetings' attendance).
    func end(_ member: DriverTeamMember, on day: CalendarDay = .today) async throws {
        guard member.until == nil else {
            throw Abort(.conflict, reason: localized("Deze zetel is al beëindigd.", "This seat has already ended."))
        }
        member.until = max(day.text, member.since)
        try await database.transaction { database in
            try await member.save(on: database)
            try await Audit.record(.update, .driverTeamMember, id: try member.requireID().uuidString, changes: [.value("until", old: nil, new: day.text)], by: actor, on: database)
        }
    }
}
