import Foundation
import Markup

extension ContactMomentsIndex {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(_ order: ListOrder<Column>) -> String {
            SiteURL.contactMoments.with(model.filter.parameters + order.parameters)
        }

        private var filters: Node {
            let filter = model.filter
            let options = { (items: [Named]) in [("", localized("alle", "all"))] + items.map { ($0.id.uuidString, $0.name) } }
            return .form(
                .class("inline selector"), .method(.get), .action(SiteURL.contactMoments.path),
                .label(.for("vanaf"), .text(localized("Van", "From"))),
                Forms.input([("type", "date"), ("id", "vanaf"), ("name", "vanaf"), ("value", filter.from?.text ?? "")]),
                .label(.for("tot-en-met"), .text(localized("tot en met", "to"))),
                Forms.input([("type", "date"), ("id", "tot-en-met"), ("name", "tot-en-met"), ("value", filter.to?.text ?? "")]),
                .label(.for("soort"), .text(localized("soort", "kind"))),
                Forms.select(id: "soort", name: "soort", options: [("", localized("alle", "all"))] + ContactMoment.Kind.allCases.map { ($0.rawValue, $0.label) },
                             selected: filter.kind?.rawValue ?? ""),
                .label(.for("accountmanager"), .text(localized("accountmanager", "account manager"))),
                Forms.select(id: "accountmanager", name: "accountmanager", options: options(model.users), selected: filter.accountManager?.uuidString ?? ""),
                .label(.for("onderwerp"), .text(localized("onderwerp", "topic"))),
                Forms.select(id: "onderwerp", name: "onderwerp", options: options(model.topics), selected: filter.topic?.uuidString ?? ""),
                .unwrap(model.organisation) { organisation in .group(
                    .input(.type(.hidden), .name("organisatie"), .value(organisation.id.uuidString)),
                    .span(.text(localized("organisatie: \(organisation.name)", "organisation: \(organisation.name)")))) },
                .button(.type(.submit), .text(localized("Toon", "Show"))),
                .if(filter.parameters.contains { $0.1 != nil }, .a(.href(SiteURL.contactMoments.path), .text(localized("alles tonen", "show all")))))
        }

        private var title: String { localized("Contactmomenten", "Contact moments") }

        var page: Layout.Page {
            Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .contactMoments, viewer: viewer)
        }

        var main: Node {
            .group(
                .h1(.text(title)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newContactMoment.path), .text(localized("Contactmoment vastleggen", "Log a contact moment"))))),
                filters,
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) contactmomenten.", "\(Format.integer(model.total)) contact moments."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(ListControls.header(localized("Datum", "Date"), .date, order: model.filter.order, latestFirst: true, link: link),
                               ListControls.header(localized("Soort", "Kind"), .kind, order: model.filter.order, link: link),
                               .th(.text(localized("Organisaties", "Organisations"))),
                               .th(.text(localized("Personen", "People"))), .th(.text(localized("Onderwerpen", "Topics"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.contactMoment.path(row.id)), .text(CalendarDay(row.date)?.dutch ?? row.date))), .td(.text(row.kind.label)),
                            .td(Links.list(row.organisations, to: SiteURL.organisation)),
                            .td(Links.list(row.people, to: SiteURL.person),
                                .if(row.erasedPeople > 0, .text(localized(" + \(row.erasedPeople) gewist", " + \(row.erasedPeople) erased")))),
                            .td(.text(row.topics.joined(separator: ", "))))
                    })
                ),
                ListControls.pages(page: model.filter.order.page, pageSize: Model.pageSize, total: model.total) { link(model.filter.order.page($0)) }
            )
        }
    }
}
