import Analysis
import Foundation
import Markup

extension Overview {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed + "."
        }

        /// The establishments behind a year's jobs and establishments.
        private func records(_ year: Int) -> String {
            EstablishmentsIndex.link(area: model.selection.area, year: year)
        }

        /// The fast growers of the window ending in a year.
        private func fastGrowers(_ year: Int) -> String {
            SiteURL.fastGrowers.path + "?" + MonitorSelection.query(area: model.selection.area, from: year - 3, to: year)
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .overview, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            let series: [(String, String, String, (Year) -> Double?, (Double) -> String)] = [
                ("banen", localized("Banen", "Jobs"), localized("banen", "jobs"), { Double($0.jobs) }, { Format.integer(Int($0.rounded())) }),
                ("vestigingen", localized("Vestigingen", "Establishments"), localized("vestigingen", "establishments"), { Double($0.establishments) },
                 { Format.integer(Int($0.rounded())) }),
                ("per1000", localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), localized("banen per 1.000 inwoners", "jobs per 1,000 inhabitants"),
                 { $0.jobsPerThousand }, { Format.decimal($0) }),
                ("snel", localized("Snelle groeiers (OECD)", "Fast growers (OECD)"), localized("ondernemingen", "enterprises"), { $0.fastGrowers.map(Double.init) },
                 { Format.integer(Int($0.rounded())) }),
            ]
            return .group(
                .h1(.text(model.title)),
                Forms.selection(.overview, model.selection, years: .period),
                .div(.class("trends"), .forEach(series) { id, title, unit, value, format in
                    let points = model.years.compactMap { year in value(year).map { (year: year.year, value: $0) } }
                    return points.count < 2 ? .empty
                        : .div(.class("chart-block"), LineChart(title: title, unit: unit, points: points, source: source, format: format).svg(id: id))
                }),
                .table(
                    .caption(.text(localized("Kerncijfers per jaar", "Key figures per year"))),
                    .thead(.tr(.th(.text(localized("Jaar", "Year"))), .th(.class("number"), .text(localized("Banen", "Jobs"))),
                               .th(.class("number"), .text(localized("Vestigingen", "Establishments"))), .th(.class("number"), .text(localized("Inwoners", "Inhabitants"))),
                               .th(.class("number"), .text(localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"))),
                               .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers"))))),
                    .tbody(.forEach(model.years) { year in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(String(year.year))),
                            .td(.class("number"), .a(.href(records(year.year)), .text(Format.integer(year.jobs)))),
                            .td(.class("number"), .a(.href(records(year.year)), .text(Format.integer(year.establishments)))),
                            .td(.class("number"), .text(year.inhabitants.map(Format.integer) ?? "–")),
                            .td(.class("number"), .text(year.jobsPerThousand.map { Format.decimal($0) } ?? "–")),
                            .td(.class("number"), year.fastGrowers.map { .a(.href(fastGrowers(year.year)), .text(String($0))) } ?? .text("–")))
                    })
                ),
                Downloads.links(SiteURL.overview.path + "?" + model.selection.query(["formaat": "csv"]), localized("Download deze tabel", "Download this table")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
