import Fluent
import Foundation
import SQLKit

/// One person: contact details, lawful basis, consents and their history, roles in
/// organisations, contact moments; for administrators the AVG export and erasure.
enum PersonPage {
    struct RoleRow: Sendable, Equatable {
        let id: UUID
        let organisationID: UUID
        let organisation: String
        let title: String?
        let from: String?
        let to: String?
    }

    struct ConsentRow: Sendable, Equatable {
        let purpose: PersonConsent.Purpose
        let given: Bool
        let at: Date
    }

    struct Model: Sendable {
        let id: UUID
        let input: PersonInput
        let lawfulBasis: Person.LawfulBasis
        let roles: [RoleRow]
        let consentHistory: [ConsentRow]
        let contacts: [OrganisationPage.ContactRow]
        /// The form to add a role, as sent when it was refused or searched in.
        let newRole: AffiliationInput
        let organisationPicker: Picker.Field
        let problems: [FieldProblem]
        let mayEdit: Bool
        /// Without it the model holds no e-mail, phone, notes or consents (`Permission.readContactDetails`).
        let mayReadContactDetails: Bool
        let mayManagePersonalData: Bool
    }

    static func query(_ id: UUID, mayEdit: Bool, mayReadContactDetails: Bool, mayManagePersonalData: Bool,
                      newRole: AffiliationInput = AffiliationInput(), problems: [FieldProblem] = [], search: Picker.Search? = nil,
                      on database: Database) async throws -> Model {
        let person = try await PersonService.find(id, on: database)
        let people = PersonService(database: database, actor: .system)
        let roles = try await Affiliation.query(on: database).filter(\.$person.$id == id).with(\.$organisation).all()
        let history = mayReadContactDetails ? try await PersonConsent.query(on: database).filter(\.$person.$id == id).sort(\.$recordedAt, .descending).all() : []
        var input = PersonInput(person, consents: try await people.consents(of: id))
        if !mayReadContactDetails { (input.email, input.phone, input.notes, input.consents) = (nil, nil, nil, nil) }
        let sql = database as! any SQLDatabase
        let contactIDs = try await sql.select().column("contact_moment_id").from("contact_moment_people").where("person_id", .equal, id)
            .all().map { try $0.decode(column: "contact_moment_id", as: UUID.self) }
        let contacts = contactIDs.isEmpty ? [] : try await ContactMoment.query(on: database).filter(\.$id ~~ contactIDs).sort(\.$date, .descending).all()
        let picker = mayEdit ? try await PickerService(database: database).field(.organisations, "organisation", chosen: [newRole.organisation].compactMap { $0 },
                                                                                  search: search) : Picker.Field()
        return Model(
            id: id, input: input, lawfulBasis: person.lawfulBasis,
            roles: try roles.map { RoleRow(id: try $0.requireID(), organisationID: try $0.organisation.requireID(), organisation: $0.organisation.name,
                                           title: $0.title, from: $0.from, to: $0.to) }
                .sorted { ($0.to == nil ? 0 : 1, $0.organisation) < ($1.to == nil ? 0 : 1, $1.organisation) },
            consentHistory: history.map { ConsentRow(purpose: $0.purpose, given: $0.given, at: $0.recordedAt) },
            contacts: try contacts.map { OrganisationPage.ContactRow(id: try $0.requireID(), date: $0.date, kind: $0.kind, notes: $0.notes) },
            newRole: newRole, organisationPicker: picker, problems: problems,
            mayEdit: mayEdit, mayReadContactDetails: mayReadContactDetails, mayManagePersonalData: mayManagePersonalData)
    }
}
