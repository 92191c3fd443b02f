import Foundation
import Markup

extension PersonForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (id, input, problems) = (model.id, model.input, model.problems)
            let title = id == nil ? localized("Nieuwe persoon", "New person") : localized("Persoon bewerken", "Edit person")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .people, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(id.map { SiteURL.person.path($0) } ?? SiteURL.people.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Naam", "Name"), "name", value: input.name, problems: problems, required: true),
                    Forms.text(localized("E-mailadres", "E-mail address"), "email", value: input.email, problems: problems, type: "email"),
                    Forms.text(localized("Telefoon", "Phone"), "phone", value: input.phone, problems: problems, type: "tel"),
                    Forms.choice(localized("Grondslag (AVG)", "Lawful basis (GDPR)"), "lawful_basis",
                                 options: Person.LawfulBasis.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.lawfulBasis ?? Person.LawfulBasis.legitimateInterest.rawValue, problems: problems, required: true),
                    Forms.checkboxes(localized("Toestemming voor", "Consents to"), "consents", options: PersonConsent.Purpose.allCases.map { ($0.rawValue, $0.label) },
                                     selected: Set(input.consents?.items ?? []), problems: problems),
                    Forms.input([("type", "hidden"), ("name", "consents[]"), ("value", "")]),
                    Forms.textArea(localized("Notities", "Notes"), "notes", value: input.notes, problems: problems,
                                   hint: localized("Alleen wat nodig is voor het contact.", "Only what the contact needs.")),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))
                )
            ))
        }
    }
}
