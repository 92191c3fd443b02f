import Fluent
import Foundation
import SQLKit
import Vapor

/// Projects: finding and listing them, saving one with its links, phases, milestones and scores
/// (audited), an assessor's scores, milestones and decisions.
struct ProjectService {
    let database: Database
    let actor: Audit.Actor

    enum Link: String, CaseIterable {
        case partners = "organisation_id", clusters = "cluster_id", goals = "goal_id"
        var table: String {
            switch self {
            case .partners: "project_partners"
            case .clusters: "project_clusters"
            case .goals: "project_goals"
            }
        }
    }

    static func find(_ id: UUID?, on database: Database) async throws -> Project {
        try await Project.find(id, on: database, missing: localized("Dit project bestaat niet (meer).", "This project does not exist (any more)."))
    }

    /// What the form and the API may name: clusters in use (and archived ones by key too, so that
    /// a project that names one can still be saved), goals and places by key.
    static func known(on database: Database) async throws -> ProjectInput.Known {
        let clusters = try await ClusterService.all(archived: true, on: database)
        return ProjectInput.Known(
            clusters: Dictionary(uniqueKeysWithValues: try clusters.map { ($0.key, try $0.requireID()) }),
            goals: Dictionary(uniqueKeysWithValues: try await Goal.query(on: database).all().map { ($0.key, try $0.requireID()) }),
            places: Dictionary(uniqueKeysWithValues: try await Place.query(on: database).all().map { ($0.key, try $0.requireID()) }))
    }

    /// Which projects a list shows.
    struct Filter: Sendable, Equatable {
        var phase: Project.Phase?
        var cluster: UUID?
        var goal: UUID?
    }

    func query(_ filter: Filter) -> QueryBuilder<Project> {
        var query = Project.query(on: database)
        if let phase = filter.phase { query = query.filter(\.$phase == phase) }
        for (link, id) in [(Link.clusters, filter.cluster), (.goals, filter.goal)] {
            guard let id else { continue }
            query = query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: Project.schema), .in,
                                                          SQLSubquery.select { $0.column("project_id").from(link.table).where(link.rawValue, .equal, id) })))
        }
        return query
    }

    @discardableResult
    func save(_ values: ProjectInput.Values, to project: Project = Project()) async throws -> Project {
        try await checkReferences(values)
        let isNew = project.id == nil
        let before = isNew ? [:] : Self.fields(of: project)
        let phaseChanged = isNew || project.phase != values.phase
        // A form or PATCH sends the stored date back: a new phase with the old phase's date begins today.
        let since = !isNew && phaseChanged && values.phaseSince == project.phaseSince ? CalendarDay.today.text : values.phaseSince
        let sinceCorrected = !isNew && !phaseChanged && values.phaseSince != project.phaseSince
        (project.name, project.description, project.$leadOrganisation.id, project.$leadPerson.id) = (values.name, values.description, values.leadOrganisation, values.leadPerson)
        (project.$place.id, project.budgetTotal, project.budgetMunicipal, project.fundingSources) = (values.place, values.budgetTotal, values.budgetMunicipal, values.fundingSources)
        (project.phase, project.startsOn, project.endsOn, project.mustInclude) = (values.phase, values.startsOn, values.endsOn, values.mustInclude)
        if phaseChanged || sinceCorrected { project.phaseSince = since }
        let after = Self.fields(of: project)
        try await database.transaction { database in
            try await project.save(on: database)
            let id = try project.requireID()
            let sql = database as! any SQLDatabase
            if phaseChanged { try await ProjectPhase(project: id, phase: values.phase, since: since).create(on: database) }
            if sinceCorrected, let current = try await ProjectPhase.query(on: database).filter(\.$project.$id == id).sort(\.$since, .descending).first() {
                current.since = since
                try await current.save(on: database)
            }
            for (link, ids) in [(Link.partners, values.partners), (.clusters, values.clusters), (.goals, values.goals)] {
                try await sql.replaceLinks(in: link.table, owner: "project_id", id, to: link.rawValue, values: ids.map(BulkValue.uuid))
            }
            if let milestones = values.milestones {
                try await Milestone.query(on: database).filter(\.$project.$id == id).delete()
                for values in milestones {
                    let milestone = Milestone()
                    (milestone.$project.id, milestone.what, milestone.dueOn, milestone.doneOn) = (id, values.what, values.dueOn, values.doneOn)
                    try await milestone.create(on: database)
                }
            }
            if let scores = values.scores {
                try await ProjectScore.query(on: database).filter(\.$project.$id == id).delete()
                for score in scores { try await Self.insert(score, project: id, on: database) }
            }
            let list = { (ids: [UUID]) in ids.map(\.uuidString).sorted().joined(separator: ";") }
            var changes: [Audit.Change] = after.keys.sorted().map { .value($0, old: before[$0], new: after[$0]) }
            changes += [.value("partners", old: nil, new: list(values.partners)), .value("clusters", old: nil, new: list(values.clusters)),
                        .value("goals", old: nil, new: list(values.goals))]
            if values.milestones != nil { changes.append(.personal("milestones")) }
            if values.scores != nil { changes.append(.personal("scores")) }
            try await Audit.record(isNew ? .create : .update, .project, id: id.uuidString, changes: changes, by: actor, on: database)
        }
        return project
    }

    /// Deletes a project with its own decision log; decisions of driver-team meetings about it stay
    /// in the minutes (without the project), actions stay with their owners.
    func delete(_ project: Project) async throws {
        let id = try project.requireID()
        try await database.transaction { database in
            try await Decision.query(on: database).filter(\.$project.$id == id).filter(\.$meeting.$id == nil).delete()
            try await Decision.query(on: database).filter(\.$project.$id == id).set(\.$project.$id, to: nil).update()
            try await FollowUp.query(on: database).filter(\.$project.$id == id).set(\.$project.$id, to: nil).update()
            try await project.delete(on: database)
            try await Audit.record(.delete, .project, id: id.uuidString, changes: [.value("name", old: project.name, new: nil)], by: actor, on: database)
        }
    }

    /// Replaces one assessor's scores of a project (the scoring form): criteria left out lose the
    /// assessor's score.
    func score(_ project: Project, by assessor: Assessor, _ scores: [ScoreInput.Values]) async throws {
        try await Assessor.checkExist([assessor], on: database)
        let id = try project.requireID()
        try await database.transaction { database in
            var query = ProjectScore.query(on: database).filter(\.$project.$id == id)
            switch assessor {
            case .user(let user): query = query.filter(\.$assessorUser.$id == user)
            case .person(let person): query = query.filter(\.$assessorPerson.$id == person)
            }
            try await query.delete()
            for score in scores { try await Self.insert(score, project: id, on: database) }
            try await Audit.record(.update, .project, id: id.uuidString, changes: [
                .value("scores", old: nil, new: scores.map { "\($0.criterion.rawValue)=\($0.score)" }.joined(separator: ";")),
                .value("assessor", old: nil, new: assessor.key),
            ], by: actor, on: database)
        }
    }

    func addMilestone(_ values: MilestoneInput.Values, to project: Project) async throws {
        let milestone = Milestone()
        (milestone.$project.id, milestone.what, milestone.dueOn, milestone.doneOn) = (try project.requireID(), values.what, values.dueOn, values.doneOn)
        try await database.transaction { database in
            try await milestone.create(on: database)
            try await Audit.record(.update, .project, id: try project.requireID().uuidString, changes: [.value("milestone", old: nil, new: values.dueOn), .personal("milestone_what")],
                                   by: actor, on: database)
        }
    }

    /// A milestone marked done today, or open again.
    func setDone(_ milestone: Milestone, _ done: Bool, today: CalendarDay = .today) async throws {
        let old = milestone.doneOn
        milestone.doneOn = done ? (old ?? today.text) : nil
        try await database.transaction { database in
            try await milestone.save(on: database)
            try await Audit.record(.update, .project, id: milestone.$project.id.uuidString, changes: [.value("milestone_done_on", old: old, new: milestone.doneOn)],
                                   by: actor, on: database)
        }
    }

    func deleteMilestone(_ milestone: Milestone) async throws {
        try await database.transaction { database in
            try await milestone.delete(on: database)
            try await Audit.record(.update, .project, id: milestone.$project.id.uuidString, changes: [.value("milestone", old: milestone.dueOn, new: nil)],
                                   by: actor, on: database)
        }
    }

    private static func insert(_ values: ScoreInput.Values, project: UUID, on database: Database) async throws {
        let score = ProjectScore()
        (score.$project.id, score.criterion, score.score, score.rationale, score.scoredOn) = (project, values.criterion.rawValue, values.score, values.rationale, CalendarDay.today.text)
        switch values.assessor {
        case .user(let id): score.$assessorUser.id = id
        case .person(let id): score.$assessorPerson.id = id
        }
        try await score.create(on: database)
    }

    /// The organisations, people and users a project names must exist.
    private func checkReferences(_ values: ProjectInput.Values) async throws {
        let organisations = values.partners + [values.leadOrganisation].compactMap { $0 }
        let known = Set(try await Organisation.query(on: database).filter(\.$id ~~ organisations).all().compactMap(\.id))
        if let missing = values.partners.first(where: { !known.contains($0) }) {
            throw InvalidFields("partners", localized("de organisatie \(missing) bestaat niet (meer)", "the organisation \(missing) does not exist (any more)"))
        }
        if let lead = values.leadOrganisation, !known.contains(lead) {
            throw InvalidFields("lead_organisation", localized("de organisatie \(lead) bestaat niet (meer)", "the organisation \(lead) does not exist (any more)"))
        }
        if let person = values.leadPerson, try await Person.find(person, on: database) == nil {
            throw InvalidFields("lead_person", localized("de persoon \(person) bestaat niet (meer)", "the person \(person) does not exist (any more)"))
        }
        try await Assessor.checkExist(Array(Set((values.scores ?? []).map(\.assessor))), on: database)
    }

    private static func fields(of project: Project) -> [String: String] {
        ["name": project.name, "lead_organisation": project.$leadOrganisation.id?.uuidString ?? "", "lead_person": project.$leadPerson.id?.uuidString ?? "",
         "place": project.$place.id?.uuidString ?? "", "budget_total": project.budgetTotal.map(Format.plain) ?? "",
         "budget_municipal": project.budgetMunicipal.map(Format.plain) ?? "", "phase": project.phase.rawValue, "phase_since": project.phaseSince,
         "starts_on": project.startsOn ?? "", "ends_on": project.endsOn ?? "", "must_include": String(project.mustInclude)]
    }
}

extension ProjectService {
    /// The linked ids of each of `projects`, per link.
    static func links(of projects: [UUID], on database: Database) async throws -> [UUID: [Link: [UUID]]] {
        guard !projects.isEmpty else { return [:] }
        let sql = database as! any SQLDatabase
        var result: [UUID: [Link: [UUID]]] = [:]
        for link in Link.allCases {
            for row in try await sql.select().columns("project_id", link.rawValue).from(link.table).where(SQLColumn("project_id"), .in, SQLBind.group(projects)).all() {
                result[try row.decode(column: "project_id", as: UUID.self), default: [:]][link, default: []].append(try row.decode(column: link.rawValue, as: UUID.self))
            }
        }
        return result
    }
}

extension ProjectService {
    /// A project with everything about it, as its page and the API show it.
    struct Details: Sendable {
        struct MilestoneRow: Sendable, Equatable {
            let id: UUID
            let what: String
            let dueOn: String
            let doneOn: String?
        }

        let id: UUID
        let name: String
        let description: String?
        let leadOrganisation: Named?
        let leadPerson: Named?
        let place: Named.Keyed?
        let budgetTotal: Double?
        let budgetMunicipal: Double?
        let fundingSources: String?
        let phase: Project.Phase
        let phaseSince: String
        let phases: [(phase: Project.Phase, since: String)]
        let startsOn: String?
        let endsOn: String?
        let mustInclude: Bool
        let partners: [Named]
        let clusters: [Named.Keyed]
        let goals: [Named.Keyed]
        let milestones: [MilestoneRow]
        let decisions: [MeetingService.Details.DecisionRow]
        /// Decisions taken in a meeting: the meeting's id by decision.
        let decisionMeetings: [UUID: UUID]
        let scores: [ProgrammeScores.Score]
        let summaries: [Criterion: ProgrammeScores.Summary]
    }

    func details(of project: Project) async throws -> Details {
        try await details(of: [project])[0]
    }

    /// Several projects' details with one query per kind of record (a page of the API's list).
    func details(of projects: [Project]) async throws -> [Details] {
        let ids = try projects.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let links = try await Self.links(of: ids, on: database)
        let linked = { (link: Self.Link) in Array(Set(links.values.flatMap { $0[link] ?? [] })) }
        let organisations = try await Organisation.query(on: database).filter(\.$id ~~ (linked(.partners) + projects.compactMap(\.$leadOrganisation.id))).all()
        let people = try await Person.query(on: database).filter(\.$id ~~ projects.compactMap(\.$leadPerson.id)).all()
        let places = try await Place.query(on: database).filter(\.$id ~~ projects.compactMap(\.$place.id)).all()
        let clusters = try await Cluster.query(on: database).filter(\.$id ~~ linked(.clusters)).all()
        let goals = try await Goal.query(on: database).filter(\.$id ~~ linked(.goals)).all()
        let phases = Dictionary(grouping: try await ProjectPhase.query(on: database).filter(\.$project.$id ~~ ids).all(), by: \.$project.id)
        let milestones = Dictionary(grouping: try await Milestone.query(on: database).filter(\.$project.$id ~~ ids).sort(\.$dueOn).all(), by: \.$project.id)
        let decisions = Dictionary(grouping: try await Decision.query(on: database).filter(\.$project.$id ~~ ids).with(\.$project).all()) { $0.$project.id }
        let scores = try await ProgrammeScores.load(projects: ids, on: database)
        let named = { (organisation: Organisation) in Named(id: try organisation.requireID(), name: organisation.name) }
        return try projects.map { project in
            let id = try project.requireID(), mine = links[id] ?? [:]
            let own = (decisions[id] ?? []).sorted { ($0.date, $0.createdAt ?? .distantPast) > ($1.date, $1.createdAt ?? .distantPast) }
            return Details(
                id: id, name: project.name, description: project.description,
                leadOrganisation: try organisations.first { $0.id == project.$leadOrganisation.id }.map(named),
                leadPerson: try people.first { $0.id == project.$leadPerson.id }.map { Named(id: try $0.requireID(), name: $0.name) },
                place: places.first { $0.id == project.$place.id }.map { Named.Keyed(key: $0.key, name: $0.name) },
                budgetTotal: project.budgetTotal, budgetMunicipal: project.budgetMunicipal, fundingSources: project.fundingSources,
                phase: project.phase, phaseSince: project.phaseSince, phases: (phases[id] ?? []).sorted { $0.since < $1.since }.map { ($0.phase, $0.since) },
                startsOn: project.startsOn, endsOn: project.endsOn, mustInclude: project.mustInclude,
                partners: try organisations.filter { ($0.id).map { (mine[.partners] ?? []).contains($0) } ?? false }.map(named).sorted { $0.name < $1.name },
                clusters: clusters.filter { ($0.id).map { (mine[.clusters] ?? []).contains($0) } ?? false }.map { Named.Keyed(key: $0.key, name: $0.name) }.sorted { $0.name < $1.name },
                goals: goals.filter { ($0.id).map { (mine[.goals] ?? []).contains($0) } ?? false }.map { Named.Keyed(key: $0.key, name: $0.title) }.sorted { $0.name < $1.name },
                milestones: try (milestones[id] ?? []).map { Details.MilestoneRow(id: try $0.requireID(), what: $0.what, dueOn: $0.dueOn, doneOn: $0.doneOn) },
                decisions: try own.map(MeetingService.row),
                decisionMeetings: Dictionary(uniqueKeysWithValues: try own.compactMap { decision in try decision.$meeting.id.map { (try decision.requireID(), $0) } }),
                scores: scores.scores[id] ?? [], summaries: scores.summaries(of: id))
        }
    }
}
