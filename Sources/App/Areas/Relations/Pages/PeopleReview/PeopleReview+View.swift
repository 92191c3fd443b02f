import Foundation
import Markup

extension PeopleReview {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (years, people) = (model.years, model.people)
            let title = localized("Personen ter beoordeling (AVG)", "People to review (GDPR)")
            return Layout.render(Layout.Page(title: title, isDemo: viewer.seesDemo, current: .peopleReview, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "\(people.count) personen zonder contactmoment, vraag of wijziging in de laatste \(years) jaar. Bewaar hun gegevens alleen als daar nog een reden voor is; wis ze anders.",
                    "\(people.count) people without a contact moment, question or change in the last \(years) years. Keep their data only if there is still a reason; erase it otherwise."))),
                Forms.post(SiteURL.relationSettings.path, csrf: viewer.csrfToken, class: "inline",
                    Forms.text(localized("Jaren zonder activiteit", "Years without activity"), "review_after_years", value: String(years), problems: [], type: "number"),
                    .button(.type(.submit), .text(localized("Bewaar", "Save")))),
                .table(
                    .caption(.text(localized("Langst inactief eerst", "Longest inactive first"))),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("Laatste activiteit", "Last activity"))))),
                    .tbody(.forEach(people) { person in
                        .tr(.td(.a(.href(SiteURL.person.path(person.id)), .text(person.name))),
                            .td(.text(CalendarDay(person.lastActivity)?.dutch ?? localized("nooit", "never"))))
                    }))
            ))
        }
    }
}
