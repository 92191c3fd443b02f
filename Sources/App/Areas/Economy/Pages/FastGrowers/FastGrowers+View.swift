import Analysis
import Foundation
import Markup

extension FastGrowers {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo) + ", " + SourceLine.processed
                + localized(". Ondernemingen: banen opgeteld over hun vestigingen in het gebied.", ". Enterprises: jobs summed over their establishments in the area.")
        }

        private func link(_ extra: [String: String] = [:]) -> String {
            SiteURL.fastGrowers.path + "?" + model.selection.query(["definitie": model.definition.rawValue].merging(extra) { $1 })
        }

        /// The page for the window ending in another year.
        private func yearLink(_ year: Int) -> String {
            SiteURL.fastGrowers.path + "?" + model.selection.with(from: year - 3, to: year).query(["definitie": model.definition.rawValue])
        }

        /// A firm's establishments in the area in a year: the records behind its jobs.
        private func establishments(of firm: Firm, year: Int) -> String {
            EstablishmentsIndex.link(EstablishmentsIndex.Filter(area: model.selection.area, year: year, kvk: firm.kvk))
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .fastGrowers, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            return .group(
                .h1(.text(model.title)),
                Forms.selection(.fastGrowers, model.selection, years: .end(label: localized("eindjaar", "end year"), years: model.selection.years.filter { model.selection.years.contains($0 - 3) }), extra: [
                    .label(.for("definitie"), .text(localized(" definitie ", " definition "))),
                    Forms.select(id: "definitie", name: "definitie", options: Definition.allCases.map { ($0.rawValue, $0.label) },
                                 selected: model.definition.rawValue),
                ]),
                .div(.class("notice"),
                     .p(.strong(.text(localized("Definitie. ", "Definition. "))), .text(localized(
                        "Een snelle groeier is een onderneming (KvK-nummer) die in \(model.year - 3) al bestond en toen minstens 10 banen had, en die in de drie jaar tot \(model.year) gemiddeld meer dan \(model.definition == .oecd ? "20" : "10")% per jaar groeide in banen (in totaal meer dan \(model.definition == .oecd ? "72,8" : "33,1")%; exact vergeleken, zonder afronding). Een gazelle is een snelle groeier die hooguit vijf jaar oud is (opgericht in \(model.year - 5) of \(model.year - 4)).",
                        "A fast grower (high-growth enterprise) is an enterprise (KvK number) that already existed in \(model.year - 3) with at least 10 jobs, and grew in jobs by more than \(model.definition == .oecd ? "20" : "10")% a year on average in the three years to \(model.year) (more than \(model.definition == .oecd ? "72.8" : "33.1")% in total; compared exactly, without rounding). A gazelle is a fast grower at most five years old (founded in \(model.year - 5) or \(model.year - 4)).")))),
                .p(.class("lead"), .text(localized("\(model.firms.count) snelle groeiers, waarvan \(model.firms.filter(\.isGazelle).count) gazellen.",
                                                     "\(model.firms.count) fast growers, of which \(model.firms.filter(\.isGazelle).count) gazelles."))),
                .div(.class("chart-block"), BarChart(title: localized("Snelle groeiers per eindjaar", "Fast growers per end year"), unit: localized("ondernemingen", "enterprises"),
                    bars: model.trend.map { .init(label: "\($0.year - 3)-\($0.year)", value: Double($0.highGrowth),
                                                  link: yearLink($0.year)) },
                    source: source).svg(id: "trend")),
                .table(
                    .caption(.text(localized("Snelle groeiers en gazellen per eindjaar", "Fast growers and gazelles per end year"))),
                    .thead(.tr(.th(.text(localized("Periode", "Period"))), .th(.class("number"), .text(localized("Snelle groeiers", "Fast growers"))),
                               .th(.class("number"), .text(localized("Gazellen", "Gazelles"))))),
                    .tbody(.forEach(model.trend) { year in
                        .tr(.td(.text("\(year.year - 3)-\(year.year)")), .td(.class("number"), .a(.href(yearLink(year.year)), .text(String(year.highGrowth)))),
                            .td(.class("number"), .text(String(year.gazelles))))
                    })
                ),
                .h2(.text(localized("De snelle groeiers van ", "The fast growers of ") + "\(model.year - 3)-\(model.year)")),
                .table(
                    .caption(.text(localized("Ondernemingen, grootste groei eerst", "Enterprises, largest growth first"))),
                    .thead(.tr(.th("KvK"), .th(.text(localized("Naam", "Name"))), .th(.text(localized("Opgericht", "Founded"))),
                               .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.year - 3)")),
                               .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.year)")), .th(.class("number"), .text(localized("Groei", "Growth"))), .th("Gazelle"),
                               .th(.class("number"), "Birch-Schreyer"))),
                    .tbody(.forEach(model.firms) { firm in
                        .tr(.td(.text(firm.kvk)), .td(.a(.href(SiteURL.enterprise.path(firm.kvk)), .text(firm.name))), .td(.text(firm.born.map(String.init) ?? localized("onbekend", "unknown"))),
                            .td(.class("number"), .a(.href(establishments(of: firm, year: model.year - 3)), .text(Format.integer(firm.jobsStart)))),
                            .td(.class("number"), .a(.href(establishments(of: firm, year: model.year)), .text(Format.integer(firm.jobsEnd)))),
                            .td(.class("number"), .text(Format.signedPercent(Double(firm.jobsEnd - firm.jobsStart) / Double(max(firm.jobsStart, 1))))),
                            .td(.text(firm.isGazelle ? localized("ja", "yes") : localized("nee", "no"))),
                            .td(.class("number"), .text(firm.birchSchreyer.map { Format.decimal($0) } ?? "–")))
                    })
                ),
                Downloads.links(link(["formaat": "csv"]), localized("Download de snelle groeiers", "Download the fast growers")),
                .p(.class("source"), .text(source))
            )
        }
    }
}
