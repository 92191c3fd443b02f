import Foundation
import Markup

extension ContactMomentsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let title = localized("Contactmomenten", "Contact moments")
            return Layout.render(Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .contactMoments, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newContactMoment.path), .text(localized("Contactmoment vastleggen", "Log a contact moment"))))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) contactmomenten. Pagina \(model.page) van \(model.pages).",
                                                   "\(Format.integer(model.total)) contact moments. Page \(model.page) of \(model.pages)."))),
                .table(
                    .caption(.text(localized("Nieuwste eerst", "Latest first"))),
                    .thead(.tr(.th(.text(localized("Datum", "Date"))), .th(.text(localized("Soort", "Kind"))), .th(.text(localized("Organisaties", "Organisations"))),
                               .th(.text(localized("Personen", "People"))), .th(.text(localized("Onderwerpen", "Topics"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.contactMoment.path(row.id)), .text(CalendarDay(row.date)?.dutch ?? row.date))), .td(.text(row.kind.label)),
                            .td(Links.list(row.organisations, to: SiteURL.organisation)),
                            .td(Links.list(row.people, to: SiteURL.person),
                                .if(row.erasedPeople > 0, .text(localized(" + \(row.erasedPeople) gewist", " + \(row.erasedPeople) erased")))),
                            .td(.text(row.topics.joined(separator: ", "))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.page > 1, .a(.href(SiteURL.contactMoments.with([("pagina", String(model.page - 1))])), .text(localized("← Vorige", "← Previous")))),
                   .if(model.page < model.pages, .a(.href(SiteURL.contactMoments.with([("pagina", String(model.page + 1))])), .text(localized("Volgende →", "Next →")))))
            ))
        }
    }
}
