import Fluent
import Foundation
import SQLKit
import Vapor

/// The AVG duties for people: everything held about a person as one JSON document (right of
/// access), erasure (right to be forgotten), and the people to review because they have had no
/// activity for years (storage limitation).
struct Privacy {
    let database: Database
    let actor: Audit.Actor

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    struct Export: Content {
        struct Role: Content { let organisation: String; let organisationID: UUID; let title: String?; let from: String?; let to: String? }
        struct Consent: Content { let purpose: String; let given: Bool; let recordedAt: Date }
        struct Contact: Content { let id: UUID; let date: String; let kind: String; let notes: String? }
        struct Question: Content { let id: UUID; let question: String; let receivedAt: Date; let status: String; let answer: String? }
        struct Change: Content { let at: Date; let action: String; let fields: String }
        struct Engagement: Content { let id: UUID; let date: String; let kind: String; let notes: String? }
        struct Project: Content { let id: UUID; let name: String }
        struct Score: Content { let project: UUID; let criterion: String; let score: Int; let rationale: String; let scoredOn: String }
        struct Meeting: Content { let id: UUID; let date: String; let title: String }
        struct Seat: Content { let side: String; let since: String; let until: String? }
        struct RobustnessScore: Content { let option: String; let scenario: String; let score: Int; let rationale: String; let scoredOn: String }

        let exportedAt: Date
        let id: UUID
        let name: String
        let email: String?
        let phone: String?
        let lawfulBasis: String
        let notes: String?
        let createdAt: Date?
        let updatedAt: Date?
        let roles: [Role]
        let consents: [Consent]
        let contactMoments: [Contact]
        let questions: [Question]
        /// The audit trail about this person (which fields changed when; never values).
        let changes: [Change]
        /// The cluster engagements the person took part in.
        let engagements: [Engagement]
        /// The projects the person leads (trekker), the scores they gave as an assessor, the
        /// driver-team meetings they attended and their seats in the driver team.
        let projectsLed: [Project]
        let scores: [Score]
        let meetings: [Meeting]
        let driverTeam: [Seat]
        /// The scores they gave in the robustness test of policy options (Toekomst).
        let robustnessScores: [RobustnessScore]
    }

    func export(_ person: Person) async throws -> Export {
        let id = try person.requireID()
        let roles = try await Affiliation.query(on: database).filter(\.$person.$id == id).with(\.$organisation).all()
        let consents = try await PersonConsent.query(on: database).filter(\.$person.$id == id).sort(\.$recordedAt).all()
        let contactIDs = try await sql.select().column("contact_moment_id").from("contact_moment_people").where("person_id", .equal, id)
            .all().map { try $0.decode(column: "contact_moment_id", as: UUID.self) }
        let contacts = contactIDs.isEmpty ? [] : try await ContactMoment.query(on: database).filter(\.$id ~~ contactIDs).sort(\.$date).all()
        let questions = try await App.Question.query(on: database).filter(\.$person.$id == id).sort(\.$receivedAt).all()
        let engagementIDs = try await sql.select().column("engagement_id").from("engagement_people").where("person_id", .equal, id)
            .all().map { try $0.decode(column: "engagement_id", as: UUID.self) }
        let engagements = engagementIDs.isEmpty ? [] : try await App.Engagement.query(on: database).filter(\.$id ~~ engagementIDs).sort(\.$date).all()
        let changes = try await AuditEvent.query(on: database).filter(\.$entity == "person").filter(\.$entityID == id.uuidString).sort(\.$at).all()
        let projects = try await App.Project.query(on: database).filter(\.$leadPerson.$id == id).sort(\.$name).all()
        let scores = try await ProjectScore.query(on: database).filter(\.$assessorPerson.$id == id).all()
        let futuresScores = try await RobustnessScore.query(on: database).filter(\.$assessorPerson.$id == id).with(\.$option).with(\.$scenario).all()
        let meetingIDs = try await sql.select().column("meeting_id").from("meeting_attendees").where("person_id", .equal, id)
            .all().map { try $0.decode(column: "meeting_id", as: UUID.self) }
        let meetings = meetingIDs.isEmpty ? [] : try await App.Meeting.query(on: database).filter(\.$id ~~ meetingIDs).sort(\.$date).all()
        let seats = try await DriverTeamMember.query(on: database).filter(\.$person.$id == id).sort(\.$since).all()
        try await Audit.record(.export, .person, id: id.uuidString, changes: [], by: actor, on: database)
        return Export(
            exportedAt: Date(), id: id, name: person.name, email: person.email, phone: person.phone, lawfulBasis: person.lawfulBasis.rawValue,
            notes: person.notes, createdAt: person.createdAt, updatedAt: person.updatedAt,
            roles: try roles.map { Export.Role(organisation: $0.organisation.name, organisationID: try $0.organisation.requireID(), title: $0.title, from: $0.from, to: $0.to) },
            consents: consents.map { Export.Consent(purpose: $0.purpose.rawValue, given: $0.given, recordedAt: $0.recordedAt) },
            contactMoments: try contacts.map { Export.Contact(id: try $0.requireID(), date: $0.date, kind: $0.kind.rawValue, notes: $0.notes) },
            questions: try questions.map { Export.Question(id: try $0.requireID(), question: $0.question, receivedAt: $0.receivedAt, status: $0.status.rawValue, answer: $0.answer) },
            changes: changes.map { Export.Change(at: $0.at, action: $0.action.rawValue, fields: $0.changes) },
            engagements: try engagements.map { Export.Engagement(id: try $0.requireID(), date: $0.date, kind: $0.kind.rawValue, notes: $0.notes) },
            projectsLed: try projects.map { Export.Project(id: try $0.requireID(), name: $0.name) },
            scores: scores.map { Export.Score(project: $0.$project.id, criterion: $0.criterion, score: $0.score, rationale: $0.rationale, scoredOn: $0.scoredOn) },
            meetings: try meetings.map { Export.Meeting(id: try $0.requireID(), date: $0.date, title: $0.title) },
            driverTeam: seats.map { Export.Seat(side: $0.side.rawValue, since: $0.since, until: $0.until) },
            robustnessScores: futuresScores.map { Export.RobustnessScore(option: $0.option.name, scenario: $0.scenario.name, score: $0.score, rationale: $0.rationale, scoredOn: $0.scoredOn) })
    }

    /// Erases a person (also what deleting one does): the person, their roles and consents go;
    /// contact moments stay and count an erased participant; their name, e-mail address and phone
    /// number, as people type them (`Scrubber`), are replaced by `[gewist]` in every free-text
    /// column (`freeText`) and in the values of the audit trail — the one change ever made to the
    /// trail, because the law requires it. The trail records that the person was erased.
    func erase(_ person: Person, reason: String = "avg") async throws {
        let id = try person.requireID()
        let scrubber = Scrubber(name: person.name, email: person.email, phone: person.phone)
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            let contactIDs = try await sql.select().column("contact_moment_id").from("contact_moment_people").where("person_id", .equal, id)
                .all().map { try $0.decode(column: "contact_moment_id", as: UUID.self) }
            if !contactIDs.isEmpty {
                try await sql.update("contact_moments").set(SQLIdentifier("erased_people"), to: SQLRaw("\"erased_people\" + 1"))
                    .where("id", .in, contactIDs).run()
            }
            try await sql.delete(from: "contact_moment_people").where("person_id", .equal, id).run()
            try await sql.delete(from: "engagement_people").where("person_id", .equal, id).run()
            // The programme: attendance and seats go; a project loses its trekker and a score its
            // assessor (the score stays, by an erased assessor, so the ranking does not shift).
            try await sql.delete(from: "meeting_attendees").where("person_id", .equal, id).run()
            try await sql.delete(from: "driver_team_members").where("person_id", .equal, id).run()
            try await sql.update("projects").set("lead_person_id", to: SQLLiteral.null).where("lead_person_id", .equal, id).run()
            try await sql.update("project_scores").set("assessor_person_id", to: SQLLiteral.null).where("assessor_person_id", .equal, id).run()
            try await sql.update("robustness_scores").set("assessor_person_id", to: SQLLiteral.null).where("assessor_person_id", .equal, id).run()
            try await App.Question.query(on: database).filter(\.$person.$id == id).set(\.$person.$id, to: nil).update()
            if !scrubber.isEmpty {
                for (table, column) in Self.freeText {
                    try await Self.scrub(table, column, with: scrubber.scrub, on: sql)
                }
                try await Self.scrub("audit_events", "changes", with: scrubber.scrubJSON, on: sql)
                try await scrubFrozenReports(with: scrubber, on: database)
            }
            try await person.delete(on: database)
            try await Audit.record(.delete, .person, id: id.uuidString, changes: [.value("erased", old: nil, new: reason)], by: actor, on: database)
        }
    }

    static let erased = "[gewist]"
    /// Every free-text column a person's name or contact details might have been typed into.
    /// `PrivacySchemaTests` walks the schema: a text column added later must be listed here or
    /// among the structured columns there, or the test fails.
    static let freeText: [(table: String, column: String)] = [
        ("organisations", "notes"), ("contact_moments", "notes"), ("follow_ups", "description"),
        ("questions", "question"), ("questions", "answer"), ("questions", "routed_to"), ("acquisitions", "notes"), ("import_runs", "errors"),
        ("engagements", "notes"), ("collaborations", "notes"), ("organisations", "showcase_description"), ("goals", "notes"), ("manual_values", "source"),
        ("projects", "description"), ("projects", "funding_sources"), ("project_milestones", "what"), ("project_scores", "rationale"),
        ("decisions", "decision"), ("decisions", "decided_by"), ("decisions", "reasoning"), ("meetings", "title"), ("meetings", "location"), ("meetings", "minutes"),
        ("agenda_items", "title"),
        ("futures_items", "description"), ("futures_items", "assumptions"), ("futures_items", "signs"), ("robustness_scores", "rationale"),
        ("signposts", "notes"), ("signposts", "name"), ("signpost_alerts", "signpost_name"), ("signpost_alerts", "message"),
        ("places", "note"),
    ]

    /// A frozen council report names no people by construction, but a decision's text may. Where
    /// it does, the HTML is scrubbed (with its new SHA-256) and the PDF, which cannot be edited,
    /// is removed; the trail records it. The law's erasure comes before the report's fixity.
    private func scrubFrozenReports(with scrubber: Scrubber, on database: Database) async throws {
        let sql = database as! any SQLDatabase
        for row in try await sql.select().columns("id", "html", "html_sha256").from(FrozenReport.schema).all() {
            let bytes = try row.decode(column: "html", as: Data.self)
            let html = String(decoding: bytes, as: UTF8.self), scrubbed = Data(scrubber.scrub(html).utf8)
            guard scrubbed != bytes else { continue }
            let id = try row.decode(column: "id", as: UUID.self), sha256 = ReportMaker.sha256(scrubbed)
            try await sql.update(FrozenReport.schema).set("html", to: scrubbed).set("html_sha256", to: sha256)
                .set("pdf", to: SQLLiteral.null).set("pdf_sha256", to: SQLLiteral.null).where("id", .equal, id).run()
            try await Audit.record(.update, .councilReport, id: id.uuidString, changes: [
                .value("html_sha256", old: try row.decode(column: "html_sha256", as: String.self), new: sha256),
                .value("pdf", old: "kept", new: "removed by an erasure"),
            ], by: actor, on: database)
        }
    }

    /// Rewrites `column` of every row of `table` whose text the scrubber changes.
    private static func scrub(_ table: String, _ column: String, with scrub: (String) -> String, on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().column("id").column(column).from(table).where(SQLColumn(column), .isNot, SQLLiteral.null).all()
        for row in rows {
            let text = try row.decode(column: column, as: String.self)
            let scrubbed = scrub(text)
            guard scrubbed != text else { continue }
            try await sql.update(table).set(SQLIdentifier(column), to: SQLBind(scrubbed)).where("id", .equal, SQLBind(try row.decode(column: "id", as: UUID.self))).run()
        }
    }

    /// People with no contact moment, question or change for `years` years, oldest activity first.
    func inactive(years: Int, now: Date = Date()) async throws -> [(person: Person, lastActivity: String)] {
        let cutoff = CalendarDay(now).monthsEarlier(12 * years).text
        var last: [UUID: String] = [:]
        for person in try await Person.query(on: database).all() {
            guard let id = person.id else { continue }
            last[id] = person.updatedAt.map { CalendarDay($0).text } ?? "0000-00-00"
        }
        let rows = try await sql.select().column(SQLColumn("person_id", table: "contact_moment_people")).column(SQLFunction("max", args: SQLColumn("date", table: "contact_moments")), as: "last")
            .from("contact_moment_people").join("contact_moments", on: SQLColumn("contact_moment_id", table: "contact_moment_people"), .equal, SQLColumn("id", table: "contact_moments"))
            .groupBy(SQLColumn("person_id", table: "contact_moment_people")).all()
        for row in rows {
            let id = try row.decode(column: "person_id", as: UUID.self), date = try row.decode(column: "last", as: String.self)
            if let known = last[id], date > known { last[id] = date }
        }
        for question in try await App.Question.query(on: database).filter(\.$person.$id != nil).all() {
            if let id = question.$person.id, let known = last[id], CalendarDay(question.receivedAt).text > known { last[id] = CalendarDay(question.receivedAt).text }
        }
        let stale = last.filter { $0.value < cutoff }
        let people = try await Person.query(on: database).filter(\.$id ~~ Array(stale.keys)).all()
        return people.compactMap { person in person.id.flatMap { stale[$0] }.map { (person, $0) } }.sorted { ($0.1, $0.0.name) < ($1.1, $1.0.name) }
    }
}
