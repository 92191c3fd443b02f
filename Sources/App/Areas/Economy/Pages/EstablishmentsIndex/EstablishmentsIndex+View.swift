import Analysis
import Foundation
import Markup

extension EstablishmentsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var isEnterprises: Bool { model.filter.unit == .enterprise }

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .establishments, viewer: viewer,
                                      selection: SiteURL.queryString([("gebied", model.filter.area), ("tot", String(model.filter.year))])), main: .group(
                .h1(.text(model.title)),
                .p(.class("lead"), .text(localized(
                    "\(model.count) met samen \(Format.integer(model.jobs)) banen. Pagina \(model.page) van \(model.pages).",
                    "\(model.count) with \(Format.integer(model.jobs)) jobs together. Page \(model.page) of \(model.pages)."))),
                .p(.text(localized("Sorteer op: ", "Sort by: ")), .forEach(Order.allCases) { order in
                    order == model.order ? .strong(.text(order.label + " "))
                        : .group(.a(.href(link(model.filter, order: order)), .text(order.label)), .text(" "))
                }),
                .table(
                    .caption(.text("\(model.units) (\(Format.integer(model.total)))")),
                    .thead(.tr(
                        .if(!isEnterprises, .th(.attribute(named: "scope", value: "col"), .text(localized("Vestigingsnummer", "Establishment number")))),
                        .th(.attribute(named: "scope", value: "col"), "KvK"), .th(.attribute(named: "scope", value: "col"), .text(localized("Naam", "Name"))),
                        .th(.attribute(named: "scope", value: "col"), "SBI"), .th(.attribute(named: "scope", value: "col"), .text(localized("Gemeente", "Municipality"))),
                        .th(.attribute(named: "scope", value: "col"), "Postcode"),
                        .if(isEnterprises, .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Vestigingen", "Establishments")))),
                        .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.if(!isEnterprises, .td(.text(row.id))), .td(.text(row.kvk)), .td(.text(row.name)), .td(.text(row.sbi)),
                            .td(.text(row.municipality)), .td(.text(row.postcode)),
                            .if(isEnterprises, .td(.class("number"), .text(Format.integer(row.establishments)))),
                            .td(.class("number"), .text(Format.integer(row.jobs))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.page > 1, .a(.href(link(model.filter, order: model.order, page: model.page - 1)), .text(localized("← Vorige ", "← Previous ")))),
                   .if(model.page < model.pages, .a(.href(link(model.filter, order: model.order, page: model.page + 1)), .text(localized("Volgende →", "Next →"))))),
                .p(.a(.href(link(model.filter, order: model.order, csv: true)),
                      .text(localized("Download alle \(model.total) \(model.units.lowercased()) als CSV", "Download all \(model.total) \(model.units.lowercased()) as CSV"))))
            ))
        }
    }
}
