import Fluent
import Foundation
import Vapor

/// A contact moment as a form or the API gives it, with an optional follow-up.
struct ContactMomentInput: Content, Sendable, Equatable {
    var date: String?
    var kind: String?
    var organisations: TextList?
    var people: TextList?
    var accountManagers: TextList?
    var topics: TextList?
    var notes: String?
    /// A follow-up planned with it: what, who (a user) and by when.
    var followUp: String?
    var followUpOwner: String?
    var followUpDue: String?

    init(date: String? = nil, kind: String? = nil, organisations: TextList? = nil, people: TextList? = nil, accountManagers: TextList? = nil,
         topics: TextList? = nil, notes: String? = nil, followUp: String? = nil, followUpOwner: String? = nil, followUpDue: String? = nil) {
        (self.date, self.kind, self.organisations, self.people, self.accountManagers) = (date, kind, organisations, people, accountManagers)
        (self.topics, self.notes, self.followUp, self.followUpOwner, self.followUpDue) = (topics, notes, followUp, followUpOwner, followUpDue)
    }

    enum CodingKeys: String, CodingKey {
        case date, kind, organisations, people, topics, notes
        case accountManagers = "account_managers", followUp = "follow_up", followUpOwner = "follow_up_owner", followUpDue = "follow_up_due"
    }

    struct Values: Sendable, Equatable {
        var date: String
        var kind: ContactMoment.Kind
        var organisations: [UUID]
        var people: [UUID]
        var accountManagers: [UUID]
        var topics: [UUID]
        var notes: String?
        var followUp: FollowUpInput.Values?
    }

    /// Checks every field against what exists: organisations, people, users and topics by id.
    func validated(on database: Database, users: UserDirectory) async throws -> Values {
        var check = FieldCheck()
        let date = check.requiredDate("date", date)
        let kind = check.requiredChoice("kind", kind, as: ContactMoment.Kind.self)
        let organisations = try await Self.existing(Organisation.self, "organisations", organisations, check: &check, on: database)
        let people = try await Self.existing(Person.self, "people", people, check: &check, on: database)
        if organisations.isEmpty, people.isEmpty, !check.problems.contains(where: { ["organisations", "people"].contains($0.field) }) {
            check.report("organisations", localized("kies minstens één organisatie of persoon", "pick at least one organisation or person"))
        }
        var managers: [UUID] = []
        for text in accountManagers?.items ?? [] {
            if let id = users.id(of: text) { managers.append(id) } else {
                check.report("account_managers", localized("'\(text)' is geen gebruiker van Vliegwiel", "'\(text)' is not a Vliegwiel user"))
            }
        }
        let topics = try await Self.existing(Topic.self, "topics", topics, check: &check, on: database)
        let notes = check.optional("notes", notes)
        var followUp: FollowUpInput.Values?
        if check.optional("follow_up", self.followUp) != nil || check.optional("follow_up_owner", followUpOwner) != nil || check.optional("follow_up_due", followUpDue) != nil {
            do {
                followUp = try await FollowUpInput(description: self.followUp, owner: followUpOwner, dueOn: followUpDue).validated(users: users, field: "follow_up", on: database)
            } catch let invalid as InvalidFields {
                for problem in invalid.problems { check.report(problem.field, problem.reason) }
            }
        }
        try check.throwIfAny()
        return Values(date: date!, kind: kind!, organisations: organisations, people: people, accountManagers: Array(Set(managers)), topics: topics,
                      notes: notes, followUp: followUp)
    }

    /// The ids of a list that name existing records of `Record`; unknown ones are reported.
    static func existing<Record: Model>(_ type: Record.Type, _ field: String, _ list: TextList?, check: inout FieldCheck, on database: Database) async throws -> [UUID]
    where Record.IDValue == UUID {
        var ids: [UUID] = []
        for text in list?.items ?? [] {
            guard let id = UUID(uuidString: text) else {
                check.report(field, localized("'\(text)' is geen id", "'\(text)' is not an id"))
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        let found = ids.isEmpty ? [] : try await Record.query(on: database).filter(\._$id ~~ ids).all().compactMap(\.id)
        for id in ids where !found.contains(id) {
            check.report(field, localized("\(id.uuidString) bestaat niet (meer)", "\(id.uuidString) does not exist (any more)"))
        }
        return ids.filter(found.contains)
    }
}

/// A follow-up as a form or the API gives it.
struct FollowUpInput: Content, Sendable, Equatable {
    var description: String?
    /// A user's id or e-mail address.
    var owner: String?
    var dueOn: String?
    var status: String?
    var organisation: String?
    var contactMoment: String?

    enum CodingKeys: String, CodingKey {
        case description, owner, status, organisation
        case dueOn = "due_on", contactMoment = "contact_moment"
    }

    init(description: String? = nil, owner: String? = nil, dueOn: String? = nil, status: String? = nil, organisation: String? = nil, contactMoment: String? = nil) {
        (self.description, self.owner, self.dueOn, self.status, self.organisation, self.contactMoment) = (description, owner, dueOn, status, organisation, contactMoment)
    }

    struct Values: Sendable, Equatable {
        var description: String
        var owner: UUID
        var dueOn: String
        var status: FollowUp.Status
        var organisation: UUID?
        var contactMoment: UUID?
    }

    /// `field` names the fields as the form that carries them does (`follow_up`, `follow_up_owner`, ...).
    /// The organisation and contact moment it points at must exist.
    func validated(users: UserDirectory, field: String? = nil, on database: Database) async throws -> Values {
        var check = FieldCheck()
        let name = { (suffix: String, plain: String) in field.map { $0 + suffix } ?? plain }
        let description = check.required(name("", "description"), description, maxLength: 500)
        var owner: UUID?
        if let text = check.optional(name("_owner", "owner"), self.owner) {
            owner = users.id(of: text)
            if owner == nil { check.report(name("_owner", "owner"), localized("'\(text)' is geen gebruiker van Vliegwiel", "'\(text)' is not a Vliegwiel user")) }
        } else {
            check.report(name("_owner", "owner"), localized("een vervolgactie heeft een eigenaar nodig", "a follow-up needs an owner"))
        }
        let due = check.requiredDate(name("_due", "due_on"), dueOn, missing: localized("een vervolgactie heeft een datum nodig", "a follow-up needs a due date"))
        let status = check.choice("status", status, as: FollowUp.Status.self) ?? .open
        let organisationID = try await ContactMomentInput.existing(
            Organisation.self, "organisation", check.optional("organisation", organisation).map { TextList([$0]) }, check: &check, on: database).first
        let contactID = try await ContactMomentInput.existing(
            ContactMoment.self, "contact_moment", check.optional("contact_moment", contactMoment).map { TextList([$0]) }, check: &check, on: database).first
        try check.throwIfAny()
        return Values(description: description!, owner: owner!, dueOn: due!, status: status, organisation: organisationID, contactMoment: contactID)
    }
}
