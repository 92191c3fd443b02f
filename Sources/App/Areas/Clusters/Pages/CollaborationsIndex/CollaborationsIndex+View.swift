import Foundation
import Markup

extension CollaborationsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(_ order: ListOrder<Column>) -> String {
            SiteURL.collaborations.with(model.filter.parameters + order.parameters)
        }

        func render() -> String {
            let title = localized("Samenwerkingen", "Collaborations") + (model.organisation.map { localized(" van \($0.name)", " of \($0.name)") } ?? "")
            let filter = model.filter
            let day = { (text: String?) in text.map { CalendarDay($0)?.dutch ?? $0 } ?? "–" }
            return Layout.render(Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .collaborations, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.clusters.path), .text(localized("← Groeiclusters", "← Growth clusters")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Wie werkt met wie samen: projectpartnerschappen, onderzoek en ontwikkeling, toelevering, onderwijs en gedeelde voorzieningen. Ze vormen, met gedeelde activiteiten, het netwerk van elk cluster.",
                    "Who works with whom: project partnerships, R&D, supply, education and shared facilities. With shared engagements they make each cluster's network."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newCollaboration.with([("organisatie", filter.organisation?.uuidString)])),
                                         .text(localized("Samenwerking vastleggen", "Record a collaboration"))))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.collaborations.path),
                      .unwrap(filter.organisation) { .input(.type(.hidden), .name("organisatie"), .value($0.uuidString)) },
                      .label(.for("soort"), .text(localized("Soort", "Kind"))),
                      Forms.select(id: "soort", name: "soort", options: [("", localized("alle", "all"))] + Collaboration.Kind.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.kind?.rawValue ?? ""),
                      .label(.input(.type(.checkbox), .name("lopend"), .value("ja"), .if(filter.currentOnly, .attribute(named: "checked", value: "checked"))),
                             .text(localized(" alleen lopende", " running only"))),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) samenwerkingen.", "\(Format.integer(model.total)) collaborations."))),
                .div(.class("table-scroll"), .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Organisatie", "Organisation"))), .th(.text(localized("Met", "With"))), .th(.text(localized("Soort", "Kind"))),
                               .th(.class("number"), .text(localized("Sterkte", "Strength"))),
                               ListControls.header(localized("Vanaf", "From"), .start, order: filter.order, latestFirst: true, link: link),
                               .th(.text(localized("Tot en met", "Until"))), .th(.text(localized("Loopt", "Running"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.organisation.path(row.first.id)), .text(row.first.name))),
                            .td(.a(.href(SiteURL.organisation.path(row.second.id)), .text(row.second.name))),
                            .td(model.mayEdit ? .a(.href(SiteURL.collaboration.path(row.id)), .text(row.kind.label)) : .text(row.kind.label)),
                            .td(.class("number"), .text(String(row.strength))), .td(.text(day(row.startedOn))), .td(.text(day(row.endedOn))),
                            .td(.text(row.isCurrent ? localized("ja", "yes") : localized("nee", "no"))))
                    }))),
                ListControls.pages(page: filter.order.page, pageSize: Model.pageSize, total: model.total) { link(filter.order.page($0)) }
            ))
        }
    }
}
