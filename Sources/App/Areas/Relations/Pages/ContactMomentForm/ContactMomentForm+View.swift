import Foundation
import Markup

extension ContactMomentForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let input = model.input, problems = model.problems
            let title = model.id == nil ? localized("Contactmoment vastleggen", "Log a contact moment") : localized("Contactmoment bewerken", "Edit contact moment")
            let selected = { (list: TextList?) in Set(list?.items ?? []) }
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .contactMoments, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.contactMoment.path($0) } ?? SiteURL.contactMoments.path, csrf: viewer.csrfToken, problems: problems,
                    Forms.text(localized("Datum", "Date"), "date", value: input.date ?? CalendarDay.today.text, problems: problems, type: "date", required: true),
                    Forms.choice(localized("Soort", "Kind"), "kind", options: ContactMoment.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.kind ?? ContactMoment.Kind.visit.rawValue, problems: problems, required: true),
                    Forms.multiSelect(localized("Organisaties", "Organisations"), "organisations", options: model.organisations,
                                      selected: selected(input.organisations), problems: problems),
                    Forms.multiSelect(localized("Personen", "People"), "people", options: model.people, selected: selected(input.people), problems: problems),
                    Forms.checkboxes(localized("Accountmanagers", "Account managers"), "account_managers", options: model.users,
                                     selected: selected(input.accountManagers), problems: problems),
                    Forms.checkboxes(localized("Onderwerpen", "Topics"), "topics", options: model.topics, selected: selected(input.topics), problems: problems),
                    Forms.textArea(localized("Verslag", "Notes"), "notes", value: input.notes, problems: problems),
                    .fieldset(.class("field"),
                        .element(named: "legend", nodes: [.text(localized("Vervolgactie", "Follow-up"))]),
                        .if(!model.followUps.isEmpty, .group(
                            .p(.text(localized("Al gepland bij dit contactmoment:", "Already planned with this contact moment:"))),
                            .ul(.forEach(model.followUps) { followUp in
                                .li(.text("\(followUp.description) — \(followUp.owner), \(CalendarDay(followUp.dueOn)?.dutch ?? followUp.dueOn) (\(followUp.status.label))"))
                            }),
                            .p(.class("hint"), .text(localized("Hieronder een nieuwe vervolgactie toevoegen (optioneel).", "Add a new follow-up below (optional)."))))),
                        Forms.text(localized("Wat", "What"), "follow_up", value: input.followUp, problems: problems),
                        Forms.choice(localized("Wie", "Who"), "follow_up_owner", options: model.users, selected: input.followUpOwner, problems: problems),
                        Forms.text(localized("Uiterlijk op", "Due on"), "follow_up_due", value: input.followUpDue, problems: problems, type: "date")),
                    .button(.type(.submit), .text(localized("Opslaan", "Save")))
                )
            ))
        }
    }
}
