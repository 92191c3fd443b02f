import Foundation
import Markup

extension PersonPage {
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
                    Forms.post(SiteURL.personRoles.path(model.id), csrf: csrf, problems: model.problems, defaultButton: true,
                        Forms.picker(localized("Organisatie", "Organisation"), "organisation", source: .organisations, field: model.organisationPicker,
                                     multiple: false, required: true, problems: model.problems),
                        Forms.text(localized("Functie", "Title"), "title", value: model.newRole.title, problems: model.problems),
                        Forms.text(localized("Van", "From"), "from", value: model.newRole.from, problems: model.problems, type: "date"),
                        Forms.text(localized("Tot", "To"), "to", value: model.newRole.to, problems: model.problems, type: "date"),
                        .button(.type(.submit), .text(localized("Voeg toe", "Add"))))
                )),
                .h2(.text(localized("Contactmomenten", "Contact moments"))),
                model.contacts.isEmpty ? .p(.text(localized("Nog geen.", "None yet."))) : .ul(.forEach(model.contacts) { contact in
                    .li(.a(.href(SiteURL.contactMoment.path(contact.id)), .text("\(CalendarDay(contact.date)?.dutch ?? contact.date) · \(contact.kind.label)")))
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
