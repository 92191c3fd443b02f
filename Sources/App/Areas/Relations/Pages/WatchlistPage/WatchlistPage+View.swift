import Foundation
import Markup

extension WatchlistPage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer

        func render() -> String {
            let (year, months, entries, mayEdit, isDemo) = (model.year, model.months, model.entries, model.mayEdit, model.isDemo)
            let title = localized("Volglijst", "Watchlist")
            return Layout.render(Layout.Page(title: title, isDemo: isDemo, current: .watchlist, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Snelle groeiers en de \(Watchlist.largest) grootste werkgevers in het register (\(year.map(String.init) ?? "–")) zonder contactmoment in de laatste \(months) maanden: \(entries.count).",
                    "Fast growers and the \(Watchlist.largest) largest employers in the register (\(year.map(String.init) ?? "–")) without a contact moment in the last \(months) months: \(entries.count)."))),
                .if(mayEdit && viewer.role.may(.managePersonalData), Forms.post(SiteURL.relationSettings.path, csrf: viewer.csrfToken, class: "inline",
                    Forms.text(localized("Maanden zonder contact", "Months without contact"), "watchlist_months", value: String(months), problems: [], type: "number"),
                    .button(.type(.submit), .text(localized("Bewaar", "Save"))))),
                .table(
                    .caption(.text(localized("Grootste eerst", "Largest first"))),
                    .thead(.tr(.th(.text(localized("Onderneming", "Enterprise"))), .th("KvK"), .th(.class("number"), .text(localized("Banen", "Jobs"))),
                               .th(.text(localized("Waarom", "Why"))), .th(.text(localized("Laatste contact", "Last contact"))))),
                    .tbody(.forEach(entries) { entry in
                        .tr(.td(entry.organisation.map { .a(.href(SiteURL.organisation.path($0)), .text(entry.name)) }
                                ?? .group(.text(entry.name + " "), .if(mayEdit, .a(.href(SiteURL.newOrganisation.with([("kvk", entry.kvk), ("naam", entry.name)])),
                                                                                    .text(localized("(nog geen relatie: toevoegen)", "(not a relation yet: add)")))))),
                            .td(.text(entry.kvk)), .td(.class("number"), .text(Format.integer(entry.jobs))),
                            .td(.text([entry.isHighGrowth ? localized("snelle groeier", "fast grower") : nil,
                                       entry.rank.map { localized("nr. \($0) werkgever", "employer no. \($0)") }].compactMap { $0 }.joined(separator: ", "))),
                            .td(.text(entry.lastContact.flatMap { CalendarDay($0)?.dutch } ?? localized("nooit", "never"))))
                    }))
            ))
        }
    }
}
