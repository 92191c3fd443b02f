import Foundation
import Markup

extension OrganisationsIndex {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var title: String { localized("Organisaties", "Organisations") }

        /// The list with this order (and page), keeping the filters.
        func link(_ order: ListOrder<OrganisationService.Column>? = nil, csv: Bool = false) -> String {
            let filter = model.filter
            return SiteURL.organisations.with([
                ("q", filter.text), ("soort", filter.kind?.rawValue), ("accountmanager", filter.accountManager?.uuidString), ("label", filter.tag),
                ("gemeente", filter.municipality),
            ] + (csv ? [("formaat", "csv")] : (order ?? filter.order).parameters))
        }

        private func sortable(_ label: String, _ column: OrganisationService.Column, numeric: Bool = false, latestFirst: Bool = false) -> Node {
            ListControls.header(label, column, order: model.filter.order, numeric: numeric, latestFirst: latestFirst) { link($0) }
        }

        private func row(_ row: Row) -> Node {
            let jobs = row.jobs.map { "\(Format.integer($0.jobs)) (\($0.year))" } ?? "–"
            let municipality = row.municipality.map { model.municipalityNames[$0] ?? $0 } ?? ""
            return .tr(.td(.a(.href(SiteURL.organisation.path(row.id)), .text(row.name))), .td(.text(row.kind.label)), .td(.text(row.kvk ?? "")),
                       .td(.text(municipality)), .td(.text(row.sbi ?? "")), .td(.text(row.accountManager ?? "")),
                       .td(.class("number"), .text(jobs)), .td(.text(row.lastContact.map { CalendarDay($0)?.dutch ?? $0 } ?? "–")),
                       .td(.text(row.tags.joined(separator: ", "))))
        }

        var page: Layout.Page {
            Layout.Page(title: title, isDemo: model.isDemo, current: .organisations, viewer: viewer)
        }

        var main: Node {
            .group(
                .h1(.text(title)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newOrganisation.path), .text(localized("Nieuwe organisatie", "New organisation"))))),
                .form(
                    .class("inline selector"), .method(.get), .action(SiteURL.organisations.path),
                    .label(.for("q"), .text(localized("Zoek (naam, KvK, postcode of SBI)", "Search (name, KvK, postcode or SBI)"))),
                    Forms.input([("type", "search"), ("id", "q"), ("name", "q"), ("value", model.filter.text ?? "")]),
                    .label(.for("soort"), .text(localized("soort", "kind"))),
                    Forms.select(id: "soort", name: "soort", options: [("", localized("alle", "all"))] + Organisation.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: model.filter.kind?.rawValue ?? ""),
                    .label(.for("accountmanager"), .text(localized("accountmanager", "account manager"))),
                    Forms.select(id: "accountmanager", name: "accountmanager", options: [("", localized("iedereen", "anyone"))] + model.managers.map { ($0.value, $0.label) },
                                 selected: model.filter.accountManager?.uuidString ?? ""),
                    .label(.for("label"), .text(localized("label", "tag"))),
                    Forms.input([("type", "text"), ("id", "label"), ("name", "label"), ("value", model.filter.tag ?? ""), ("size", "12")]),
                    .button(.type(.submit), .text(localized("Zoek", "Search")))
                ),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) organisaties.", "\(Format.integer(model.total)) organisations."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(sortable(localized("Naam", "Name"), .name), .th(.text(localized("Soort", "Kind"))), .th("KvK"),
                               .th(.text(localized("Gemeente", "Municipality"))), .th("SBI"), .th(.text(localized("Accountmanager", "Account manager"))),
                               sortable(localized("Banen", "Jobs"), .jobs, numeric: true), sortable(localized("Laatste contact", "Last contact"), .lastContact, latestFirst: true),
                               .th(.text(localized("Labels", "Tags"))))),
                    .tbody(.forEach(model.rows, row))
                ),
                ListControls.pages(page: model.filter.page, pageSize: model.filter.pageSize, total: model.total) { link(model.filter.order.page($0)) },
                Downloads.links(link(csv: true), localized("Download deze organisaties (het importformaat)", "Download these organisations (the import format)"))
            )
        }
    }
}
