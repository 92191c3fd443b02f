import Foundation
import Markup

extension ContactMomentForm {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let input = model.input, problems = model.problems
            let title = model.id == nil ? localized("Contactmoment vastleggen", "Log a contact moment") : localized("Contactmoment bewerken", "Edit contact moment")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .contactMoments, viewer: viewer), main: .group(
                .h1(.text(title)),
                Forms.post(model.id.map { SiteURL.contactMoment.path($0) } ?? SiteURL.contactMoments.path, csrf: viewer.csrfToken, problems: problems, defaultButton: true,
                    Forms.text(localized("Datum", "Date"), "date", value: input.date ?? CalendarDay.today.text, problems: problems, type: "date", required: true),
                    Forms.choice(localized("Soort", "Kind"), "kind", options: ContactMoment.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: input.kind ?? ContactMoment.Kind.visit.rawValue, problems: problems, required: true),
                    Forms.picker(localized("Organisaties", "Organisations"), "organisations", source: .organisations, field: model.organisations,
                                 multiple: true, problems: problems),
                    Forms.picker(localized("Personen", "People"), "people", source: .people, field: model.people, multiple: true, problems: problems),
                    Forms.picker(localized("Accountmanagers", "Account managers"), "account_managers", source: .users, field: model.accountManagers,
                                 multiple: true, problems: problems),
                    Forms.picker(localized("Onderwerpen", "Topics"), "topics", source: .topics, field: model.topics, multiple: true, problems: problems),
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
