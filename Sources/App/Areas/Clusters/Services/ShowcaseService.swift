import Fluent
import Foundation
import SQLKit

/// The public showcase: an organisation's consent to be shown (recorded and withdrawn, audited),
/// and who a growth cluster shows: the organisations of the cluster that consented, with the
/// people there who consented to `showcase` themselves; nobody else's data.
struct ShowcaseService {
    let database: Database
    let actor: Audit.Actor

    static let descriptionLength = 300

    /// Records consent with a short description, or changes the description (the date and who
    /// recorded it stay those of the first consent).
    func consent(_ organisation: Organisation, description: String?) async throws {
        var check = FieldCheck()
        let text = check.optional("showcase_description", description, maxLength: Self.descriptionLength)
        try check.throwIfAny()
        let old = (organisation.showcaseSince, organisation.showcaseDescription)
        if organisation.showcaseSince == nil {
            organisation.showcaseSince = CalendarDay.today.text
            organisation.showcaseRecordedBy = actor.userID
        }
        organisation.showcaseDescription = text
        try await save(organisation, old: old)
    }

    func withdraw(_ organisation: Organisation) async throws {
        let old = (organisation.showcaseSince, organisation.showcaseDescription)
        (organisation.showcaseSince, organisation.showcaseRecordedBy, organisation.showcaseDescription) = (nil, nil, nil)
        try await save(organisation, old: old)
    }

    private func save(_ organisation: Organisation, old: (String?, String?)) async throws {
        try await database.transaction { database in
            try await organisation.save(on: database)
            try await Audit.record(.update, .organisation, id: try organisation.requireID().uuidString, changes: [
                .value("showcase_since", old: old.0, new: organisation.showcaseSince),
                .value("showcase_description", old: old.1, new: organisation.showcaseDescription),
            ], by: actor, on: database)
        }
    }

    /// A person shown with their organisation: only their name and role.
    struct Contact: Sendable, Equatable {
        let name: String
        let title: String?
    }

    struct Entry: Sendable, Equatable {
        let name: String
        let kind: Organisation.Kind
        let website: String?
        let description: String?
        let postcode: String?
        let contacts: [Contact]
    }

    /// The consenting organisations among `organisations`, in `place` when one is given, by name.
    func entries(among organisations: Set<UUID>, in place: Place?) async throws -> [Entry] {
        let shown = try await Organisation.query(on: database).filter(\.$showcaseSince != nil).sort(\.$name).all()
            .filter { organisations.contains($0.id ?? UUID()) && (place?.contains(postcode: $0.postcode) ?? true) }
        let ids = shown.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let today = CalendarDay.today.text
        let roles = try await Affiliation.query(on: database).filter(\.$organisation.$id ~~ ids).with(\.$person).all()
            .filter { ($0.from ?? "") <= today && ($0.to.map { $0 >= today } ?? true) }
        let consents = try await PersonService(database: database, actor: .system).consents(of: Array(Set(roles.map(\.$person.id))))
        let contacts = Dictionary(grouping: roles.filter { consents[$0.$person.id]?.contains(.showcase) == true }, by: \.$organisation.id)
        return shown.map { organisation in
            Entry(name: organisation.name, kind: organisation.kind, website: organisation.website, description: organisation.showcaseDescription,
                  postcode: organisation.postcode,
                  contacts: (contacts[organisation.id ?? UUID()] ?? []).map { Contact(name: $0.person.name, title: $0.title) }.sorted { $0.name < $1.name })
        }
    }
}
