import Analysis
import Foundation
import Markup

extension EstablishmentsIndex {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var isEnterprises: Bool { model.filter.unit == .enterprise }
        private var source: String { SourceLine.register(isDemo: model.isDemo, years: [model.filter.year]) + ", " + SourceLine.processed + "." }

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .establishments, viewer: viewer,
                                      selection: SiteURL.queryString([("gebied", model.filter.area), ("tot", String(model.filter.year))])), main: .group(
                .h1(.text(model.title)),
                controls,
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
                        .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Banen", "Jobs"))),
                        .th(.attribute(named: "scope", value: "col"), .text(localized("Relaties", "Relations"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.if(!isEnterprises, .td(.text(row.id))), .td(.text(row.kvk)),
                            .td(.a(.href(SiteURL.enterprise.path(row.kvk)), .text(row.name))), .td(.text(row.sbi)),
                            .td(.text(model.municipalityNames[row.municipality] ?? row.municipality)), .td(.text(row.postcode)),
                            .if(isEnterprises, .td(.class("number"), .text(Format.integer(row.establishments)))),
                            .td(.class("number"), .text(Format.integer(row.jobs))),
                            .td(model.organisations[row.id].map { .a(.href(SiteURL.organisation.path($0)), .text(localized("organisatie", "organisation"))) } ?? .empty))
                    })
                ),
                .p(.class("pages"),
                   .if(model.page > 1, .a(.href(link(model.filter, order: model.order, page: model.page - 1)), .text(localized("← Vorige ", "← Previous ")))),
                   .if(model.page < model.pages, .a(.href(link(model.filter, order: model.order, page: model.page + 1)), .text(localized("Volgende →", "Next →"))))),
                Downloads.links(link(model.filter, order: model.order, csv: true),
                                localized("Download alle \(Format.integer(model.total)) \(model.units.lowercased())", "Download all \(Format.integer(model.total)) \(model.units.lowercased())")),
                .p(.class("source"), .text(source))
            ))
        }

        /// The filter as controls on the page: a GET form, so the URL still holds the whole filter.
        private var controls: Node {
            let filter = model.filter
            var areas = model.areas.map { choice in (choice.value, choice.municipalities.map { "\(choice.name) (\($0))" } ?? choice.name) }
            if !areas.contains(where: { $0.0 == filter.area }) { areas.insert((filter.area, model.areaName), at: 0) }
            let all = [("", localized("alle", "all"))]
            return .form(
                .class("inline selector"), .method(.get), .action(SiteURL.establishments.path),
                .label(.for("gebied"), .text(localized("Gebied ", "Area "))), Forms.select(id: "gebied", name: "gebied", options: areas, selected: filter.area),
                .label(.for("jaar"), .text(localized(" jaar ", " year "))),
                Forms.select(id: "jaar", name: "jaar", options: model.years.map { (String($0), String($0)) }, selected: String(filter.year)),
                .label(.for("sbi"), .text(" SBI ")),
                .input(.type(.text), .id("sbi"), .name("sbi"), .value(filter.sbi.map(SBI.dotted).joined(separator: ", ")), .attribute(named: "size", value: "10"),
                       .title(localized("Secties of codes, bijvoorbeeld J of 47.91, 62", "Sections or codes, for example J or 47.91, 62"))),
                .label(.for("grootte"), .text(localized(" banen ", " jobs "))),
                Forms.select(id: "grootte", name: "grootte", options: all + RegisterPanel.SizeClass.allCases.map { ($0.rawValue, $0.rawValue) },
                             selected: filter.sizeClass?.rawValue ?? ""),
                .label(.for("postcode"), .text(" postcode ")),
                .input(.type(.text), .id("postcode"), .name("postcode"), .value(filter.postcode ?? ""), .attribute(named: "size", value: "4"),
                       .attribute(named: "inputmode", value: "numeric")),
                .label(.for("eenheid"), .text(localized(" als ", " as "))),
                Forms.select(id: "eenheid", name: "eenheid", options: [(RegisterPanel.Unit.establishment.rawValue, localized("vestigingen", "establishments")),
                                                                      (RegisterPanel.Unit.enterprise.rawValue, localized("ondernemingen", "enterprises"))],
                             selected: filter.unit.rawValue),
                .unwrap(filter.kvk) { .input(.type(.hidden), .name("kvk"), .value($0)) },
                .unwrap(filter.cluster) { .input(.type(.hidden), .name("cluster"), .value($0)) },
                .input(.type(.hidden), .name("sorteer"), .value(model.order.rawValue)),
                .button(.type(.submit), .text(localized("Toon", "Show")))
            )
        }
    }
}
