import Analysis
import Foundation
import Markup

extension EnterprisePage {
    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String { SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed + "." }

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .enterprise, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                .p(.class("lead"), .text([
                    "SBI \(model.sbi)" + (model.sbiLabel.map { " \($0.text)" } ?? ""),
                    model.founded.map { localized("opgericht \($0)", "founded \($0)") },
                    localized("\(Format.integer(model.history.last?.jobs ?? 0)) banen in \(model.latestYear)", "\(Format.integer(model.history.last?.jobs ?? 0)) jobs in \(model.latestYear)"),
                ].compactMap { $0 }.joined(separator: " · "))),
                .unwrap(model.growth) { growth in
                    .p(.text(growth.isGazelle
                        ? localized("Snelle groeier en gazelle in \(growth.from)-\(growth.to) (OECD-Eurostat).", "Fast grower and gazelle in \(growth.from)-\(growth.to) (OECD-Eurostat).")
                        : localized("Snelle groeier in \(growth.from)-\(growth.to) (OECD-Eurostat).", "Fast grower in \(growth.from)-\(growth.to) (OECD-Eurostat).")))
                },
                relation,
                .div(.class("chart-block"), LineChart(title: localized("Banen", "Jobs"), unit: localized("banen", "jobs"),
                                                      points: model.history.map { ($0.year, Double($0.jobs)) }, source: source).svg(id: "banen")),
                .table(
                    .caption(.text(localized("Banen en vestigingen per jaar", "Jobs and establishments per year"))),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(localized("Jaar", "Year"))),
                               .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Vestigingen", "Establishments"))),
                               .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.history) { year in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(String(year.year))),
                            .td(.class("number"), .text(Format.integer(year.establishments))), .td(.class("number"), .text(Format.integer(year.jobs))))
                    })),
                .table(
                    .caption(.text(localized("Vestigingen in \(model.latestYear)", "Establishments in \(model.latestYear)"))),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(localized("Vestigingsnummer", "Establishment number"))),
                               .th(.attribute(named: "scope", value: "col"), .text(localized("Naam", "Name"))), .th(.attribute(named: "scope", value: "col"), "SBI"),
                               .th(.attribute(named: "scope", value: "col"), .text(localized("Gemeente", "Municipality"))),
                               .th(.attribute(named: "scope", value: "col"), "Postcode"),
                               .th(.class("number"), .attribute(named: "scope", value: "col"), .text(localized("Banen", "Jobs"))))),
                    .tbody(.forEach(model.establishments) { row in
                        .tr(.td(.text(row.number)), .td(.text(row.name)), .td(.text(row.sbi)), .td(.text(row.municipality)), .td(.text(row.postcode)),
                            .td(.class("number"), .text(Format.integer(row.jobs))))
                    })),
                .p(.class("source"), .text(source))
            ))
        }

        /// The organisation in Relaties, or the way to add one.
        private var relation: Node {
            if let organisation = model.organisation {
                return .p(.a(.href(SiteURL.organisation.path(organisation)), .text(localized("Naar de organisatie in Relaties", "To the organisation in Relations"))))
            }
            return .p(.text(localized("Nog geen organisatie in Relaties. ", "Not an organisation in Relations yet. ")),
                      .if(model.mayEdit, .a(.href(SiteURL.newOrganisation.with([("kvk", model.kvk), ("naam", model.name)])),
                                            .text(localized("Toevoegen", "Add")))))
        }
    }
}
