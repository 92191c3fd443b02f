import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// Economie > Bedrijfsgrootte: establishments or enterprises and their jobs per LISA size class,
/// and the share of jobs in enterprises of 250 or more.
enum FirmSize {
    struct Row: Sendable, Equatable {
        let sizeClass: String
        let units: Int
        let jobs: Int
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let unit: RegisterPanel.Unit
        let rows: [Row]
        let largeShare: Double
        let isDemo: Bool

        var year: Int { selection.to }
        var unitLabel: String { unit == .enterprise ? "ondernemingen" : "vestigingen" }
        var title: String { "Bedrijfsgrootte in \(selection.name), \(year)" }
    }

    static func query(_ selection: MonitorSelection, unit: RegisterPanel.Unit, panel: RegisterPanel, on database: Database) async throws -> Model {
        let area = Area(municipalities: Set(selection.municipalities))
        let classes = panel.sizeClasses(in: area, year: selection.to, unit: unit)
        return Model(selection: selection, unit: unit,
                     rows: RegisterPanel.SizeClass.allCases.map { Row(sizeClass: $0.rawValue, units: classes[$0]?.units ?? 0, jobs: classes[$0]?.jobs ?? 0) },
                     largeShare: panel.shareOfJobsInEnterprises(withAtLeast: 250, in: area, year: selection.to),
                     isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["grootteklasse_banen,\(model.unitLabel),banen"] + model.rows.map { "\($0.sizeClass),\($0.units),\($0.jobs)" }).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            "Bron: \(model.isDemo ? "synthetisch demoregister" : "vestigingenregister") \(model.year), bewerking Vliegwiel. Grootteklassen van LISA, naar aantal banen."
        }

        func render() -> String {
            let link = { (extra: [String: String]) in SiteURL.firmSize.path + "?" + model.selection.query(["eenheid": model.unit.rawValue].merging(extra) { $1 }) }
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .firmSize, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                Forms.selection(.firmSize, model.selection, years: .end(label: "jaar", years: model.selection.years), extra: [
                    .label(.for("eenheid"), " eenheid "),
                    Forms.select(id: "eenheid", name: "eenheid", options: [("enterprise", "ondernemingen (KvK)"), ("establishment", "vestigingen")],
                                 selected: model.unit.rawValue),
                ]),
                .p(.class("lead"), .text("\(DutchFormat.decimal(model.largeShare * 100))% van de banen zit bij ondernemingen met 250 of meer banen in \(model.selection.name).")),
                .div(.class("chart-block"), .raw(BarChart(title: "Aantal \(model.unitLabel) per grootteklasse, \(model.year)", unit: model.unitLabel,
                    bars: model.rows.map { .init(label: "\($0.sizeClass) banen", value: Double($0.units)) }, source: source).svg(id: "aantal"))),
                .div(.class("chart-block"), .raw(BarChart(title: "Banen per grootteklasse van de \(model.unitLabel), \(model.year)", unit: "banen",
                    bars: model.rows.map { .init(label: "\($0.sizeClass) banen", value: Double($0.jobs)) }, source: source).svg(id: "banen"))),
                .table(
                    .caption(.text("\(model.unitLabel.capitalized) en banen per grootteklasse")),
                    .thead(.tr(.th("Grootteklasse (banen)"), .th(.class("number"), .text(model.unitLabel.capitalized)), .th(.class("number"), "Banen"))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(row.sizeClass)), .td(.class("number"), .text(DutchFormat.integer(row.units))),
                            .td(.class("number"), .text(DutchFormat.integer(row.jobs))))
                    })
                ),
                .p(.a(.href(link(["formaat": "csv"])), "Download deze tabel als CSV")),
                .p(.class("source"), .text(source))
            ))
        }
    }
}
