import Fluent
import Foundation
import Markup
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
        let organisations: [(id: UUID, name: String)]
        let problems: [FieldProblem]
        let mayEdit: Bool
        /// Without it the model holds no e-mail, phone, notes or consents (`Permission.readContactDetails`).
        let mayReadContactDetails: Bool
        let mayManagePersonalData: Bool
    }

    static func query(_ id: UUID, mayEdit: Bool, mayReadContactDetails: Bool, mayManagePersonalData: Bool, problems: [FieldProblem] = [],
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
        let organisations = mayEdit ? try await Organisation.query(on: database).sort(\.$name).field(\.$id).field(\.$name).all() : []
        return Model(
            id: id, input: input, lawfulBasis: person.lawfulBasis,
            roles: try roles.map { RoleRow(id: try $0.requireID(), organisationID: try $0.organisation.requireID(), organisation: $0.organisation.name,
                                           title: $0.title, from: $0.from, to: $0.to) }
                .sorted { ($0.to == nil ? 0 : 1, $0.organisation) < ($1.to == nil ? 0 : 1, $1.organisation) },
            consentHistory: history.map { ConsentRow(purpose: $0.purpose, given: $0.given, at: $0.recordedAt) },
            contacts: try contacts.map { OrganisationPage.ContactRow(id: try $0.requireID(), date: $0.date, kind: $0.kind, notes: $0.notes) },
            organisations: try organisations.map { (try $0.requireID(), $0.name) }, problems: problems,
            mayEdit: mayEdit, mayReadContactDetails: mayReadContactDetails, mayManagePersonalData: mayManagePersonalData)
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let input = model.input, csrf = viewer?.csrfToken ?? ""
            let consents = Set(input.consents?.items ?? [])
            return Layout.render(Layout.Page(title: input.name ?? "", isDemo: viewer?.seesDemo, current: .people, viewer: viewer), main: .group(
                .h1(.text(input.name ?? "")),
                .if(model.mayEdit, .div(.class("actions"),
                    .a(.class("button"), .href(SiteURL.editPerson.path(model.id)), .text(localized("Bewerken", "Edit"))))),
                .if(!model.mayReadContactDetails, .p(.class("notice"), .text(localized(
                    "Contactgegevens, notities en toestemmingen zijn voor uw rol niet zichtbaar.",
                    "Contact details, notes and consents are not shown for your role.")))),
                !model.mayReadContactDetails ? .dl(.dt(.text(localized("Grondslag", "Lawful basis"))), .dd(.text(model.lawfulBasis.label))) : .dl(
                    .dt(.text(localized("E-mailadres", "E-mail address"))), .dd(.text(input.email ?? "–")),
                    .dt(.text(localized("Telefoon", "Phone"))), .dd(.text(input.phone ?? "–")),
                    .dt(.text(localized("Grondslag", "Lawful basis"))), .dd(.text(model.lawfulBasis.label)),
                    .dt(.text(localized("Toestemmingen", "Consents"))),
                    .dd(.text(PersonConsent.Purpose.allCases.map { "\($0.label): \(consents.contains($0.rawValue) ? localized("ja", "yes") : localized("nee", "no"))" }
                        .joined(separator: "; "))),
                    .dt(.text(localized("Notities", "Notes"))), .dd(.text(input.notes ?? "–"))
                ),
                .h2(.text(localized("Rollen in organisaties", "Roles in organisations"))),
                model.roles.isEmpty ? .p(.text(localized("Nog geen.", "None yet."))) : .ul(.forEach(model.roles) { role in
                    .li(.a(.href(SiteURL.organisation.path(role.organisationID)), .text(role.organisation)),
                        .text([role.title, period(role)].compactMap { $0 }.map { ", " + $0 }.joined()),
                        .if(model.mayEdit, Forms.post(SiteURL.deleteRole.path(role.id), csrf: csrf, class: "inline",
                                                      .button(.type(.submit), .class("secondary"), .text(localized("Verwijder rol", "Remove role"))))))
                }),
                .if(model.mayEdit, .group(
                    .h3(.text(localized("Rol toevoegen", "Add a role"))),
                    Forms.problemSummary(model.problems),
                    Forms.post(SiteURL.personRoles.path(model.id), csrf: csrf,
                        Forms.choice(localized("Organisatie", "Organisation"), "organisation", options: model.organisations.map { ($0.id.uuidString, $0.name) },
                                     selected: nil, problems: model.problems, required: true),
                        Forms.text(localized("Functie", "Title"), "title", value: nil, problems: model.problems),
                        Forms.text(localized("Van", "From"), "from", value: nil, problems: model.problems, type: "date"),
                        Forms.text(localized("Tot", "To"), "to", value: nil, problems: model.problems, type: "date"),
                        .button(.type(.submit), .text(localized("Voeg toe", "Add"))))
                )),
                .h2(.text(localized("Contactmomenten", "Contact moments"))),
                model.contacts.isEmpty ? .p(.text(localized("Nog geen.", "None yet."))) : .ul(.forEach(model.contacts) { contact in
                    .li(.text("\(CalendarDay(contact.date)?.dutch ?? contact.date) · \(contact.kind.label)"))
                }),
                .if(model.mayReadContactDetails, .h2(.text(localized("Geschiedenis van toestemmingen", "Consent history")))),
                !model.mayReadContactDetails ? .empty : model.consentHistory.isEmpty ? .p(.text(localized("Geen toestemmingen vastgelegd.", "No consents recorded."))) : .table(
                    .caption(.text(localized("Gegeven en ingetrokken", "Given and withdrawn"))),
                    .thead(.tr(.th(.text(localized("Datum", "Date"))), .th(.text(localized("Doel", "Purpose"))), .th(.text(localized("Wat", "What"))))),
                    .tbody(.forEach(model.consentHistory) { row in
                        .tr(.td(.text(CalendarDay(row.at).dutch)), .td(.text(row.purpose.label)),
                            .td(.text(row.given ? localized("gegeven", "given") : localized("ingetrokken", "withdrawn"))))
                    })),
                .if(model.mayManagePersonalData, .group(
                    .h2(.text(localized("Privacy (AVG)", "Privacy (GDPR)"))),
                    .p(.a(.href(SiteURL.personData.path(model.id)), .text(localized("Alle gegevens over deze persoon (JSON)", "Everything held about this person (JSON)")))),
                    Forms.post(SiteURL.erasePerson.path(model.id), csrf: csrf,
                        .p(.text(localized("Wissen verwijdert de persoon, de rollen en toestemmingen, en de naam, het e-mailadres en het telefoonnummer uit notities. Contactmomenten blijven bestaan zonder deze persoon.",
                                           "Erasing removes the person, their roles and consents, and their name, e-mail address and phone number from notes. Contact moments remain without this person."))),
                        .label(Forms.input([("type", "checkbox"), ("name", "confirm"), ("value", "yes"), ("required", "required")]),
                               .text(localized(" Ja, wis deze persoon definitief", " Yes, erase this person for good"))),
                        .button(.type(.submit), .class("secondary"), .text(localized("Wis persoon", "Erase person"))))
                ))
            ))
        }

        private func period(_ role: RoleRow) -> String? {
            guard role.from != nil || role.to != nil else { return nil }
            return "\(role.from.flatMap { CalendarDay($0)?.dutch } ?? "…") – \(role.to.flatMap { CalendarDay($0)?.dutch } ?? localized("heden", "present"))"
        }
    }
}
