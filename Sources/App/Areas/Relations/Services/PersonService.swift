import Fluent
import Foundation
import Vapor

/// Creates, changes and removes people, their roles in organisations and their consents. A
/// person is personal data: the audit trail records which fields changed, never their values.
struct PersonService {
    let database: Database
    let actor: Audit.Actor

    @discardableResult
    func create(_ values: PersonInput.Values, roles: [AffiliationInput.Values] = []) async throws -> Person {
        let person = Person()
        try await database.transaction { database in
            let people = PersonService(database: database, actor: actor)
            try await people.save(person, values, isNew: true)
            for role in roles { try await people.addRole(role, to: person) }
        }
        return person
    }

    /// A person with a role in `organisation`: one already known, or a new one.
    @discardableResult
    func add(_ values: OrganisationPersonInput.Values, to organisation: UUID) async throws -> Person {
        switch values {
        case let .known(id, title):
            let person = try await PersonService.find(id, on: database)
            try await addRole(AffiliationInput.Values(organisation: organisation, title: title), to: person)
            return person
        case let .new(person, title):
            return try await create(person, roles: [AffiliationInput.Values(organisation: organisation, title: title)])
        }
    }

    func update(_ person: Person, with values: PersonInput.Values) async throws {
        try await database.transaction { database in
            try await PersonService(database: database, actor: actor).save(person, values, isNew: false)
        }
    }

    private func save(_ person: Person, _ values: PersonInput.Values, isNew: Bool) async throws {
        var changes: [Audit.Change] = []
        if isNew || person.name != values.name { changes.append(.personal("name")) }
        if isNew ? values.email != nil : person.email != values.email { changes.append(.personal("email")) }
        if isNew ? values.phone != nil : person.phone != values.phone { changes.append(.personal("phone")) }
        if isNew ? values.notes != nil : person.notes != values.notes { changes.append(.personal("notes")) }
        changes.append(.value("lawful_basis", old: isNew ? nil : person.lawfulBasis.rawValue, new: values.lawfulBasis.rawValue))
        person.name = values.name
        person.email = values.email
        person.phone = values.phone
        person.lawfulBasis = values.lawfulBasis
        person.notes = values.notes
        try await person.save(on: database)
        let id = try person.requireID()
        if let wanted = values.consents {
            let current = try await consents(of: id)
            for purpose in PersonConsent.Purpose.allCases where wanted.contains(purpose) != current.contains(purpose) {
                try await PersonConsent(person: id, purpose: purpose, given: wanted.contains(purpose), at: Date()).create(on: database)
                changes.append(.value("consent_\(purpose.rawValue)", old: String(current.contains(purpose)), new: String(wanted.contains(purpose))))
            }
        }
        try await Audit.record(isNew ? .create : .update, .person, id: id.uuidString, changes: changes, by: actor, on: database)
    }

    /// The purposes the person consents to now: the latest record per purpose.
    func consents(of id: UUID) async throws -> Set<PersonConsent.Purpose> {
        try await consents(of: [id])[id] ?? []
    }

    /// The consents in force of several people in one query: per purpose, the latest record.
    func consents(of ids: [UUID]) async throws -> [UUID: Set<PersonConsent.Purpose>] {
        guard !ids.isEmpty else { return [:] }
        let history = try await PersonConsent.query(on: database).filter(\.$person.$id ~~ ids).sort(\.$recordedAt).all()
        return Dictionary(grouping: history, by: \.$person.id).mapValues { records in
            var current: [PersonConsent.Purpose: Bool] = [:]
            for record in records { current[record.purpose] = record.given }
            return Set(current.filter(\.value).keys)
        }
    }

    @discardableResult
    func addRole(_ values: AffiliationInput.Values, to person: Person) async throws -> Affiliation {
        _ = try await OrganisationService.find(values.organisation, on: database)
        let role = Affiliation(person: try person.requireID(), organisation: values.organisation, title: values.title, from: values.from, to: values.to)
        try await role.create(on: database)
        try await Audit.record(.create, .affiliation, id: try role.requireID().uuidString, changes: [
            .value("person", old: nil, new: try person.requireID().uuidString), .value("organisation", old: nil, new: values.organisation.uuidString),
            .value("title", old: nil, new: values.title), .value("from", old: nil, new: values.from), .value("to", old: nil, new: values.to),
        ], by: actor, on: database)
        return role
    }

    func removeRole(_ role: Affiliation) async throws {
        try await Audit.delete(role, as: .affiliation, changes: [.value("person", old: role.$person.id.uuidString, new: nil)], by: actor, on: database)
    }

    /// Deleting a person is erasing them: nothing of them may stay behind in notes or the trail.
    func delete(_ person: Person) async throws {
        try await Privacy(database: database, actor: actor).erase(person, reason: "verwijderd")
    }

    static func find(_ id: UUID?, on database: Database) async throws -> Person {
        try await Person.find(id, on: database, missing: localized("Deze persoon bestaat niet (meer).", "This person does not exist (any more)."))
    }

    struct Filter: Sendable, Hashable {
        var text: String?
        /// Whether `text` also matches e-mail addresses (not for those who may not see them).
        var searchesContactDetails = true
        var organisation: UUID?
        var order = ListOrder<Column>(column: .name, descending: false)
        var pageSize = 50

        var page: Int {
            get { order.page }
            set { order.page = newValue }
        }
    }

    /// What the list of people can be ordered by.
    enum Column: String, CaseIterable, Sendable, Hashable {
        case name = "naam"
    }

    /// People by (part of) their name or e-mail address, or by the KvK number, postcode or SBI
    /// code of an organisation they have a role in, or by organisation; in pages.
    func search(_ filter: Filter) async throws -> (people: [Person], total: Int) {
        var query = Person.query(on: database)
        if let text = filter.text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            var organisationFilter = OrganisationService.Filter()
            (organisationFilter.text, organisationFilter.pageSize) = (text, 10_000)
            let byOrganisation = text.first?.isNumber == true
                ? try await OrganisationService(database: database, actor: actor).search(organisationFilter).organisations.compactMap(\.id) : []
            let members = byOrganisation.isEmpty ? [] : try await Affiliation.query(on: database).filter(\.$organisation.$id ~~ byOrganisation).all().map(\.$person.id)
            query = query.group(.or) { group in
                group.filter(.contains("name", text))
                if filter.searchesContactDetails { group.filter(.contains("email", text)) }
                if !members.isEmpty { group.filter(\.$id ~~ members) }
            }
        }
        if let organisation = filter.organisation {
            let ids = try await Affiliation.query(on: database).filter(\.$organisation.$id == organisation).all().map(\.$person.id)
            query = query.filter(\.$id ~~ ids)
        }
        let total = try await query.count()
        let people = try await query.sort(\.$name, filter.order.descending ? .descending : .ascending).sort(\.$id)
            .page(filter.page, size: filter.pageSize).all()
        return (people, total)
    }
}
