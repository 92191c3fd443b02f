import Foundation
import Markup

extension EngagementsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(_ order: ListOrder<Column>) -> String {
            SiteURL.engagements.with(model.filter.parameters + order.parameters)
        }

        func render() -> String {
            let title = localized("Clusteractiviteiten", "Cluster engagements")
            let filter = model.filter
            return Layout.render(Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .engagements, viewer: viewer), main: .group(
                .p(.a(.href(SiteURL.clusters.path), .text(localized("← Groeiclusters", "← Growth clusters")))),
                .h1(.text(title)),
                .p(.class("lead"), .text(localized(
                    "Wie deed mee aan het werk van een cluster: bijeenkomsten, projecten, zetels, living labs, gezamenlijke voorstellen en samenwerking met onderwijs. Ze bepalen wie actief betrokken is.",
                    "Who took part in a cluster's work: meetings, projects, seats, living labs, joint proposals and education. They decide who is actively involved."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newEngagement.path), .text(localized("Activiteit vastleggen", "Record an engagement"))))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.engagements.path),
                      .label(.for("cluster"), .text(localized("Cluster", "Cluster"))),
                      Forms.select(id: "cluster", name: "cluster", options: [("", localized("alle", "all"))] + model.clusters.map { ($0.key, $0.name) },
                                   selected: filter.cluster ?? ""),
                      .label(.for("soort"), .text(localized("soort", "kind"))),
                      Forms.select(id: "soort", name: "soort", options: [("", localized("alle", "all"))] + Engagement.Kind.allCases.map { ($0.rawValue, $0.label) },
                                   selected: filter.kind?.rawValue ?? ""),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) activiteiten.", "\(Format.integer(model.total)) engagements."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(ListControls.header(localized("Datum", "Date"), .date, order: filter.order, latestFirst: true, link: link),
                               .th(.text(localized("Soort", "Kind"))), .th(.text(localized("Clusters", "Clusters"))), .th(.text(localized("Organisaties", "Organisations"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(model.mayEdit ? .a(.href(SiteURL.engagement.path(row.id)), .text(CalendarDay(row.date)?.dutch ?? row.date))
                                              : .text(CalendarDay(row.date)?.dutch ?? row.date)),
                            .td(.text(row.kind.label)), .td(.text(row.clusters.joined(separator: ", "))),
                            .td(Links.list(row.organisations, to: SiteURL.organisation)))
                    })),
                ListControls.pages(page: filter.order.page, pageSize: Model.pageSize, total: model.total) { link(filter.order.page($0)) }
            ))
        }
    }
}
