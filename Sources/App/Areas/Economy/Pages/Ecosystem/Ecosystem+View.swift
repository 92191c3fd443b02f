import Analysis
import Foundation
import Markup

extension Ecosystem {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            (model.isDemo ? localized("Bron: synthetische elementscores (demo, geen echte cijfers)", "Source: synthetic element scores (demo, not real figures)")
                          : localized("Bron: geïmporteerde elementscores (Stam, Ondernemerschapsecosysteem-index)", "Source: imported element scores (Stam, Entrepreneurial Ecosystem index)"))
                + ", " + SourceLine.processed
        }

        private func link(region: String? = nil, year: Int? = nil, csv: Bool = false) -> String {
            SiteURL.ecosystem.path + "?" + SiteURL.queryString([("regio", region ?? model.region), ("jaar", String(year ?? model.year))] + (csv ? [("formaat", "csv")] : []))
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .ecosystem, viewer: viewer)
        }

        private var lead: Node {
            guard let region = model.selected else {
                return .p(.class("lead"), .text(localized("\(model.regionName) heeft in \(model.year) geen volledige scores.", "\(model.regionName) has no complete scores in \(model.year).")))
            }
            let weak = region.belowAverage.map { $0.label.lowercased() }
            return .p(.class("lead"), .text(localized(
                "\(model.regionName) staat in \(model.year) op plaats \(region.additiveRank) van \(model.regions.count) regio's met een index van \(Format.decimal(region.additive, digits: 2)) (gemiddelde regio: 10). "
                    + (weak.isEmpty ? "Op geen enkel element onder het gemiddelde." : "Onder het gemiddelde op: \(weak.joined(separator: ", ")); het zwakst op \(weak[0])."),
                "In \(model.year) \(model.regionName) ranks \(region.additiveRank) of \(model.regions.count) regions with an index of \(Format.decimal(region.additive, digits: 2)) (average region: 10). "
                    + (weak.isEmpty ? "Below average on no element." : "Below average on: \(weak.joined(separator: ", ")); weakest on \(weak[0])."))))
        }

        var main: Node {
            .group(
                .h1(.text(model.title)),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.ecosystem.path),
                      .label(.for("regio"), .text(localized("Regio ", "Region "))),
                      Forms.select(id: "regio", name: "regio", options: model.names.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }, selected: model.region),
                      .label(.for("jaar"), .text(localized(" jaar ", " year "))),
                      Forms.select(id: "jaar", name: "jaar", options: model.years.map { (String($0), String($0)) }, selected: String(model.year)),
                      .button(.type(.submit), .text(localized("Toon", "Show")))),
                lead,
                .div(.class("notice"), .p(.text(localized(
                    "De index volgt Stam (2018) en Leendertse, Schrijvers & Stam (2022): elk van de tien elementen wordt gedeeld door zijn gemiddelde over de regio's van dat jaar (de gemiddelde regio scoort 1), de additieve index is de som (gemiddeld 10), de multiplicatieve het product: een zwak element (een knelpunt) trekt die omlaag. De rang is die op de additieve index.",
                    "The index follows Stam (2018) and Leendertse, Schrijvers & Stam (2022): each of the ten elements is divided by its mean over the regions of that year (the average region scores 1), the additive index is the sum (10 on average), the multiplicative one the product: a weak element (a bottleneck) pulls it down. The rank is that on the additive index.")))),
                .if(model.selected != nil, .div(.class("chart-block"), BarChart(
                    title: localized("\(model.regionName): de elementen tegenover de gemiddelde regio", "\(model.regionName): the elements against the average region"),
                    unit: localized("score (gemiddelde regio = 1)", "score (average region = 1)"),
                    bars: EcosystemIndex.Element.Name.allCases.map { .init(label: $0.label, value: model.selected?.elements[$0] ?? 0) },
                    source: source, format: { Format.decimal($0, digits: 2) },
                    reference: (1, localized("gemiddelde regio", "average region"))).svg(id: "elements"))),
                .if(model.trend.count > 1, .table(
                    .caption(.text(localized("\(model.regionName) per jaar", "\(model.regionName) per year"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(localized("Plaats (additief)", "Place (additive)"))),
                               .th(.class("number"), .text(localized("Plaats (multiplicatief)", "Place (multiplicative)"))))),
                    .tbody(.forEach(model.trend) { point in
                        .tr(.td(.a(.href(link(year: point.year)), .text(String(point.year)))),
                            .td(.class("number"), .text(point.additiveRank.map { localized("\($0) van \(point.of)", "\($0) of \(point.of)") } ?? "–")),
                            .td(.class("number"), .text(point.multiplicativeRank.map { localized("\($0) van \(point.of)", "\($0) of \(point.of)") } ?? "–")))
                    }))),
                .h2(.text(localized("Alle regio's, \(model.year)", "All regions, \(model.year)"))),
                .table(.class("wide"),
                    .caption(.text(localized("Regio's naar de additieve index, hoogste eerst; elementen ten opzichte van de gemiddelde regio", "Regions by the additive index, highest first; elements against the average region"))),
                    .thead(.tr(.group([.th(.class("number"), .text(localized("Plaats", "Place"))), .th(.text(localized("Regio", "Region"))),
                                       .th(.class("number"), .text(localized("Additief", "Additive"))), .th(.class("number"), .text(localized("Multiplicatief", "Multiplicative"))),
                                       .th(.class("number"), .text(localized("Plaats mult.", "Place mult.")))]
                                      + EcosystemIndex.Element.Name.allCases.map { .th(.class("number"), .text($0.label)) }))),
                    .tbody(.forEach(model.regions) { region in
                        .tr(.group([.if(region.code == model.region, .class("selected")), .td(.class("number"), .text(String(region.additiveRank))),
                                    .td(.a(.href(link(region: region.code)), .text(model.names[region.code] ?? region.code))),
                                    .td(.class("number"), .text(Format.decimal(region.additive, digits: 2))), .td(.class("number"), .text(Format.decimal(region.multiplicative, digits: 3))),
                                    .td(.class("number"), .text(String(region.multiplicativeRank)))]
                                   + EcosystemIndex.Element.Name.allCases.map { .td(.class("number"), .text(region.elements[$0].map { Format.decimal($0, digits: 2) } ?? "–")) }))
                    })),
                Downloads.links(link(csv: true), localized("Download de index", "Download the index")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
