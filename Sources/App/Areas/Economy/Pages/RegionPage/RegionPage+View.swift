import Analysis
import Foundation
import Markup

extension RegionPage {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo, years: [model.from, model.to])
                + (model.isDemo ? localized(", synthetische bevolking", ", synthetic population") : localized(", CBS-bevolking", ", CBS population"))
                + ", " + SourceLine.processed + localized("; kaart: CBS, Kadaster.", "; map: CBS, Kadaster.")
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .region, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            let years = model.years.map { (String($0), String($0)) }
            let percent = { (value: Double) in Format.signedPercent(value) }
            let map = ChoroplethMap(title: localized("Groei van het aantal banen per gemeente", "Growth in the number of jobs per municipality") + ", \(model.from)-\(model.to)",
                                    shapes: ChoroplethMap.municipalities(model.municipalities.map(\.code)),
                                    values: Dictionary(uniqueKeysWithValues: model.municipalities.compactMap { row in row.growth.map { (row.code, $0) } }),
                                    format: percent, source: source, link: { EstablishmentsIndex.link(area: $0, year: model.to) }, selected: [model.city.code])
            return .group(
                .h1(.text(model.title)),
                .form(
                    .class("inline selector"), .method(.get), .action(SiteURL.region.path),
                    .input(.type(.hidden), .name("gebied"), .value(model.selection.area)),
                    .label(.for("van"), .text(localized("Van ", "From "))), Forms.select(id: "van", name: "van", options: years, selected: String(model.from)),
                    .label(.for("tot"), .text(localized(" tot ", " to "))), Forms.select(id: "tot", name: "tot", options: years, selected: String(model.to)),
                    .button(.type(.submit), .text(localized("Toon", "Show")))
                ),
                comparison,
                .if(model.hasMap, .div(.class("chart-block"), map.svg(id: "kaart"))),
                .if(!model.jobsByPostcodeArea.isEmpty, .div(.class("chart-block"), postcodeMap)),
                .div(.class("chart-block"), BarChart(title: localized("Groei van het aantal banen", "Growth in the number of jobs") + ", \(model.from)-\(model.to)", unit: localized("% groei", "% growth"),
                    bars: model.municipalities.compactMap { row in row.growth.map { .init(label: row.name.text, value: $0 * 100, link: records(row, year: model.to)) } }.sorted { $0.value > $1.value },
                    source: source, format: { Format.decimal($0) + "%" }).svg(id: "groei")),
                table(model.municipalities, caption: localized("De \(model.municipalities.count) gemeenten van \(model.region.name.text)",
                                                              "The \(model.municipalities.count) municipalities of \(model.region.name.text)")),
                Downloads.links(SiteURL.region.path + "?" + SiteURL.queryString([("gebied", model.selection.area), ("van", String(model.from)), ("tot", String(model.to)), ("formaat", "csv")]),
                                localized("Download deze tabellen", "Download these tables")),
                .p(.class("source"), .text(source))
            )
        }

        /// Jobs per km² by postcode area: a density, because a count would colour the largest areas
        /// darkest for their size alone. The count is in each area's tooltip and table link.
        private var postcodeMap: Node {
            let shapes = ChoroplethMap.postcodeAreas(of: model.city.code)
            let area = Dictionary(shapes.map { ($0.code, $0.squareKilometres) }, uniquingKeysWith: { $0 + $1 })
            let density = model.jobsByPostcodeArea.compactMap { code, jobs in area[code].flatMap { $0 > 0.01 ? (code, Double(jobs) / $0) : nil } }
            return ChoroplethMap(
                title: localized("Banen per km² per postcodegebied in ", "Jobs per km² per postcode area in ") + "\(model.city.name.text), \(model.to)",
                shapes: shapes, values: Dictionary(uniqueKeysWithValues: density),
                format: { Format.integer(Int($0.rounded())) },
                source: SourceLine.register(isDemo: model.isDemo, years: [model.to]) + ", " + SourceLine.processed + localized("; kaart en oppervlakte: CBS, Kadaster.", "; map and area: CBS, Kadaster."),
                link: { EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.city.code, year: model.to, postcode: $0)) },
                unit: localized("banen per km²", "jobs per km²")).svg(id: "postcodes")
        }

        /// The establishments behind an area's jobs; nil for the rest of the region and the Netherlands.
        private func records(_ row: Row, year: Int) -> String? {
            ["rest", "NL"].contains(row.code) ? nil : EstablishmentsIndex.link(area: row.code, year: year)
        }

        /// The fast growers page of an area.
        private func fastGrowers(_ row: Row) -> String? {
            ["rest", "NL"].contains(row.code) ? nil
                : SiteURL.fastGrowers.path + "?" + MonitorSelection.query(area: row.code, from: model.to - 3, to: model.to)
        }

        private func linked(_ text: String, _ link: String?) -> Node {
            link.map { .a(.href($0), .text(text)) } ?? .text(text)
        }

        private var comparison: Node {
            table([model.city, model.rest, model.region] + (model.nation.map { [$0] } ?? []), caption: model.city.name.text + localized(" vergeleken", " compared"))
        }

        private func table(_ rows: [Row], caption: String) -> Node {
            .table(
                .caption(.text(caption)),
                .thead(.tr(.th(.text(localized("Gebied", "Area"))), .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.from)")),
                           .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.to)")),
                           .th(.class("number"), .text(localized("Groei", "Growth"))),
                           .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers") + " \(model.to - 3)-\(model.to)")),
                           .th(.class("number"), .text(localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(row.name.text)),
                        .td(.class("number"), linked(Format.integer(row.jobsFrom), records(row, year: model.from))),
                        .td(.class("number"), linked(Format.integer(row.jobsTo), records(row, year: model.to))),
                        .td(.class("number"), .text(row.growth.map { Format.signedPercent($0) } ?? "–")),
                        .td(.class("number"), linked(row.fastGrowers.map(String.init) ?? "–", row.fastGrowers == nil ? nil : fastGrowers(row))),
                        .td(.class("number"), .text(row.jobsPerThousand.map { Format.decimal($0) } ?? "–")))
                })
            )
        }
    }
}
