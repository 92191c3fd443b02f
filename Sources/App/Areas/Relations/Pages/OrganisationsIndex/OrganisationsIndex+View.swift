import Foundation
import Markup

extension OrganisationsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var title: String { localized("Organisaties", "Organisations") }

        func link(page: Int? = nil, csv: Bool = false) -> String {
            let filter = model.filter
            return SiteURL.organisations.with([
                ("q", filter.text), ("soort", filter.kind?.rawValue), ("accountmanager", filter.accountManager?.uuidString), ("label", filter.tag),
                ("pagina", page.map(String.init)), ("formaat", csv ? "csv" : nil),
            ])
        }

        func render() -> String {
            Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .organisations, viewer: viewer), main: .group(
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
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) organisaties. Pagina \(model.filter.page) van \(model.pages).",
                                                   "\(Format.integer(model.total)) organisations. Page \(model.filter.page) of \(model.pages)."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("Soort", "Kind"))), .th("KvK"), .th("Postcode"),
                               .th(.text(localized("Gemeente", "Municipality"))), .th("SBI"), .th(.text(localized("Accountmanager", "Account manager"))),
                               .th(.text(localized("Labels", "Tags"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.organisation.path(row.id)), .text(row.name))), .td(.text(row.kind.label)), .td(.text(row.kvk ?? "")),
                            .td(.text(row.postcode ?? "")), .td(.text(row.municipality.map { model.municipalityNames[$0] ?? $0 } ?? "")),
                            .td(.text(row.sbi ?? "")), .td(.text(row.accountManager ?? "")), .td(.text(row.tags.joined(separator: ", "))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.filter.page > 1, .a(.href(link(page: model.filter.page - 1)), .text(localized("← Vorige", "← Previous")))),
                   .if(model.filter.page < model.pages, .a(.href(link(page: model.filter.page + 1)), .text(localized("Volgende →", "Next →"))))),
                Downloads.links(link(csv: true), localized("Download deze organisaties (het importformaat)", "Download these organisations (the import format)"))
            ))
        }
    }
}
