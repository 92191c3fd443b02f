import Fluent
import Foundation
import SQLKit
import Vapor

/// Records contact moments with who and what they involved, and the follow-ups planned with them.
struct ContactMomentService {
    let database: Database
    let actor: Audit.Actor

    /// The link tables of a contact moment, by what they link.
    enum Link: String, CaseIterable {
        case organisations = "contact_moment_organisations", people = "contact_moment_people"
        case managers = "contact_moment_managers", topics = "contact_moment_topics"

        var column: String {
            switch self {
            case .organisations: "organisation_id"
            case .people: "person_id"
            case .managers: "user_id"
            case .topics: "topic_id"
            }
        }
    }

    @discardableResult
    func create(_ values: ContactMomentInput.Values) async throws -> ContactMoment {
        let moment = ContactMoment()
        moment.erasedPeople = 0
        moment.createdBy = actor.userID
        try await database.transaction { database in
            try await ContactMomentService(database: database, actor: actor).save(moment, values, isNew: true)
        }
        return moment
    }

    func update(_ moment: ContactMoment, with values: ContactMomentInput.Values) async throws {
        try await database.transaction { database in
            try await ContactMomentService(database: database, actor: actor).save(moment, values, isNew: false)
        }
    }

    private func save(_ moment: ContactMoment, _ values: ContactMomentInput.Values, isNew: Bool) async throws {
        let old = isNew ? nil : (date: moment.date, kind: moment.kind.rawValue, links: try await links(of: moment.requireID()))
        moment.date = values.date
        moment.kind = values.kind
        let notesChanged = moment.notes != values.notes
        moment.notes = values.notes
        try await moment.save(on: database)
        let id = try moment.requireID()
        let sql = database as! any SQLDatabase
        let wanted: [Link: [UUID]] = [.organisations: values.organisations, .people: values.people, .managers: values.accountManagers, .topics: values.topics]
        for link in Link.allCases {
            try await sql.replaceLinks(in: link.rawValue, owner: "contact_moment_id", id, to: link.column, values: (wanted[link] ?? []).map(BulkValue.uuid))
        }
        var changes: [Audit.Change] = [.value("date", old: old?.date, new: values.date), .value("kind", old: old?.kind, new: values.kind.rawValue)]
        for link in Link.allCases {
            let text = { (ids: [UUID]?) in ids.map { $0.map(\.uuidString).sorted().joined(separator: ",") } }
            changes.append(.value(link.rawValue.replacingOccurrences(of: "contact_moment_", with: ""), old: text(old?.links[link]), new: text(wanted[link])))
        }
        if notesChanged { changes.append(.personal("notes")) }
        try await Audit.record(isNew ? .create : .update, .contactMoment, id: id.uuidString, changes: changes, by: actor, on: database)
        if var followUp = values.followUp {
            followUp.contactMoment = id
            followUp.organisation = followUp.organisation ?? values.organisations.first
            try await FollowUpService(database: database, actor: actor).create(followUp)
        }
    }

    /// The ids linked to a contact moment, per link table.
    func links(of id: UUID) async throws -> [Link: [UUID]] {
        try await links(of: [id])[id] ?? [:]
    }

    /// The links of several contact moments: one query per kind of link, whatever their number.
    func links(of ids: [UUID]) async throws -> [UUID: [Link: [UUID]]] {
        guard !ids.isEmpty else { return [:] }
        let sql = database as! any SQLDatabase
        var result: [UUID: [Link: [UUID]]] = [:]
        for link in Link.allCases {
            for row in try await sql.select().column("contact_moment_id").column(link.column).from(link.rawValue)
                .where("contact_moment_id", .in, SQLBind.group(ids)).all() {
                result[try row.decode(column: "contact_moment_id", as: UUID.self), default: [:]][link, default: []]
                    .append(try row.decode(column: link.column, as: UUID.self))
            }
        }
        return result
    }

    func delete(_ moment: ContactMoment) async throws {
        try await Audit.delete(moment, as: .contactMoment, changes: [.value("date", old: moment.date, new: nil)], by: actor, on: database)
    }

    static func find(_ id: UUID?, on database: Database) async throws -> ContactMoment {
        try await ContactMoment.find(id, on: database, missing: localized("Dit contactmoment bestaat niet (meer).", "This contact moment does not exist (any more)."))
    }
}
