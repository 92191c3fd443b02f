import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// Economie > Overzicht: the key figures of an area per year over the chosen period, as trend lines.
enum Overview {
    struct Year: Sendable, Equatable {
        let year: Int
        let jobs: Int
        let establishments: Int
        let inhabitants: Int?
        let fastGrowers: Int?

        var jobsPerThousand: Double? { inhabitants.flatMap { $0 > 0 ? Double(jobs) * 1000 / Double($0) : nil } }
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let years: [Year]
        let isDemo: Bool

        var title: String { "Economie van \(selection.name), \(selection.from)-\(selection.to)" }
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
            "Bron: \(model.isDemo ? "synthetisch demoregister" : "vestigingenregister"), bewerking Vliegwiel."
        }

        func render() -> String {
            let series: [(String, String, String, (Year) -> Double?, (Double) -> String)] = [
                ("banen", "Banen", "banen", { Double($0.jobs) }, { DutchFormat.integer(Int($0.rounded())) }),
                ("vestigingen", "Vestigingen", "vestigingen", { Double($0.establishments) }, { DutchFormat.integer(Int($0.rounded())) }),
                ("per1000", "Banen per 1.000 inwoners", "banen per 1.000 inwoners", { $0.jobsPerThousand }, { DutchFormat.decimal($0) }),
                ("snel", "Snelle groeiers (OECD)", "ondernemingen", { $0.fastGrowers.map(Double.init) }, { DutchFormat.integer(Int($0.rounded())) }),
            ]
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .overview, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                Forms.selection(.overview, model.selection, years: .period),
                .div(.class("trends"), .forEach(series) { id, title, unit, value, format in
                    let points = model.years.compactMap { year in value(year).map { (year: year.year, value: $0) } }
                    return points.count < 2 ? .empty
                        : .div(.class("chart-block"), .raw(LineChart(title: title, unit: unit, points: points, source: source, format: format).svg(id: id)))
                }),
                .table(
                    .caption(.text("Kerncijfers per jaar")),
                    .thead(.tr(.th("Jaar"), .th(.class("number"), "Banen"), .th(.class("number"), "Vestigingen"), .th(.class("number"), "Inwoners"),
                               .th(.class("number"), "Banen per 1.000 inwoners"), .th(.class("number"), "Snelle groeiers"))),
                    .tbody(.forEach(model.years) { year in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(String(year.year))),
                            .td(.class("number"), .text(DutchFormat.integer(year.jobs))), .td(.class("number"), .text(DutchFormat.integer(year.establishments))),
                            .td(.class("number"), .text(year.inhabitants.map(DutchFormat.integer) ?? "–")),
                            .td(.class("number"), .text(year.jobsPerThousand.map { DutchFormat.decimal($0) } ?? "–")),
                            .td(.class("number"), .text(year.fastGrowers.map(String.init) ?? "–")))
                    })
                ),
                .p(.a(.href(SiteURL.overview.path + "?" + model.selection.query(["formaat": "csv"])), "Download deze tabel als CSV")),
                .p(.class("source"), .text(source))
            ))
        }
    }
}
