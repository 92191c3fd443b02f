import Analysis
import Fluent
import Foundation
import Markup
import Vapor

/// Economie > Overzicht: the key figures of an area per year over the chosen period, as trend lines.
enum Overview {
    struct Year: Sendable, Equatable {
        let year: Int
        let jobs: Int
        let establishments: Int
        let inhabitants: Int?
        let fastGrowers: Int?

        var jobsPerThousand: Double? { KeyFigures.jobsPerThousand(jobs: jobs, inhabitants: inhabitants) }
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let years: [Year]
        let isDemo: Bool

        var title: String { localized("Economie van ", "Economy of ") + "\(selection.name), \(selection.from)-\(selection.to)" }
    }

    static func query(_ selection: MonitorSelection, panel: RegisterPanel, on database: Database) async throws -> Model {
        let store = RegisterStore(database)
        let area = Area(municipalities: Set(selection.municipalities))
        var years: [Year] = []
        for year in selection.years where (selection.from...selection.to).contains(year) {
            let inhabitants = try await store.population(municipalities: selection.municipalities, year: year)
            years.append(Year(year: year, jobs: panel.jobs(in: area, year: year), establishments: panel.establishments(in: area, year: year),
                              inhabitants: inhabitants,
                              fastGrowers: selection.years.contains(year - 3) ? panel.highGrowthUnits(in: area, endYear: year).count : nil))
        }
        return Model(selection: selection, years: years, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["jaar,banen,vestigingen,inwoners,banen_per_1000_inwoners,snelle_groeiers"] + model.years.map { year in
            [String(year.year), String(year.jobs), String(year.establishments), CSVField.integer(year.inhabitants),
             CSVField.decimal(year.jobsPerThousand), CSVField.integer(year.fastGrowers)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    struct View {
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

        func render() -> String {
            let series: [(String, String, String, (Year) -> Double?, (Double) -> String)] = [
                ("banen", localized("Banen", "Jobs"), localized("banen", "jobs"), { Double($0.jobs) }, { Format.integer(Int($0.rounded())) }),
                ("vestigingen", localized("Vestigingen", "Establishments"), localized("vestigingen", "establishments"), { Double($0.establishments) },
                 { Format.integer(Int($0.rounded())) }),
                ("per1000", localized("Banen per 1.000 inwoners", "Jobs per 1,000 inhabitants"), localized("banen per 1.000 inwoners", "jobs per 1,000 inhabitants"),
                 { $0.jobsPerThousand }, { Format.decimal($0) }),
                ("snel", localized("Snelle groeiers (OECD)", "Fast growers (OECD)"), localized("ondernemingen", "enterprises"), { $0.fastGrowers.map(Double.init) },
                 { Format.integer(Int($0.rounded())) }),
            ]
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .overview, viewer: viewer), main: .group(
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
                .p(.a(.href(SiteURL.overview.path + "?" + model.selection.query(["formaat": "csv"])), .text(localized("Download deze tabel als CSV", "Download this table as CSV")))),
                .p(.class("source"), .text(source))
            ))
        }
    }
}
