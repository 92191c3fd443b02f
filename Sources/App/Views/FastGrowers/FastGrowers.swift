import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// Economie > Snelle groeiers: high-growth enterprises and gazelles per year, and the firms of
/// the chosen year with their jobs at the start and the end of the three-year window.
enum FastGrowers {
    enum Definition: String, CaseIterable, Sendable {
        case oecd, eu2014

        var rule: HighGrowth.Rule { self == .oecd ? .oecd : .eu2014 }

        var label: String {
            switch self {
            case .oecd: "OECD-Eurostat (2007): gemiddeld meer dan 20% groei per jaar"
            case .eu2014: "EU-verordening 2014: gemiddeld meer dan 10% groei per jaar"
            }
        }
    }

    struct Firm: Sendable, Equatable {
        let kvk: String
        let name: String
        let born: Int?
        let jobsStart: Int
        let jobsEnd: Int
        let isGazelle: Bool
        let birchSchreyer: Double?
    }

    struct Year: Sendable, Equatable {
        let year: Int
        let highGrowth: Int
        let gazelles: Int
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let definition: Definition
        let trend: [Year]
        let firms: [Firm]
        let isDemo: Bool

        var year: Int { selection.to }
        var title: String { "Snelle groeiers in \(selection.name), \(year - 3)-\(year)" }
    }

    static func query(_ selection: MonitorSelection, definition: Definition, panel: RegisterPanel, on database: Database) async throws -> Model {
        let store = RegisterStore(database)
        let area = Area(municipalities: Set(selection.municipalities))
        let rule = definition.rule
        let trend = selection.years.filter { selection.years.contains($0 - 3) }.map { year in
            let fast = panel.highGrowthUnits(in: area, endYear: year, unit: .enterprise, rule: rule)
            return Year(year: year, highGrowth: fast.count, gazelles: fast.filter { HighGrowth.isGazelle($0, endYear: year, rule: rule) }.count)
        }
        let units = panel.highGrowthUnits(in: area, endYear: selection.to, unit: .enterprise, rule: rule)
        let ids = Set(units.map(\.id))
        // The name of an enterprise: that of its largest establishment in the area at the end.
        var names: [String: (name: String, jobs: Int)] = [:]
        for record in try await store.records(municipalities: selection.municipalities, years: selection.to...selection.to) where ids.contains(record.kvkNumber) {
            if record.jobs >= names[record.kvkNumber]?.jobs ?? -1 { names[record.kvkNumber] = (record.name, record.jobs) }
        }
        let firms = units.map { unit in
            Firm(kvk: unit.id, name: names[unit.id]?.name ?? unit.id, born: unit.born, jobsStart: unit.jobsStart ?? 0, jobsEnd: unit.jobsEnd ?? 0,
                 isGazelle: HighGrowth.isGazelle(unit, endYear: selection.to, rule: rule), birchSchreyer: HighGrowth.birchSchreyer(unit))
        }.sorted { ($0.jobsEnd - $0.jobsStart, $1.kvk) > ($1.jobsEnd - $1.jobsStart, $0.kvk) }
        return Model(selection: selection, definition: definition, trend: trend, firms: firms, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["kvk_nummer,naam,oprichtingsjaar,banen_\(model.year - 3),banen_\(model.year),groei_procent,gazelle,birch_schreyer"] + model.firms.map { firm in
            [firm.kvk, RegisterCSV.quoted(firm.name), firm.born.map(String.init) ?? "", String(firm.jobsStart), String(firm.jobsEnd),
             CSVField.decimal(Double(firm.jobsEnd - firm.jobsStart) / Double(max(firm.jobsStart, 1)) * 100),
             firm.isGazelle ? "ja" : "nee", CSVField.decimal(firm.birchSchreyer)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            "Bron: \(model.isDemo ? "synthetisch demoregister" : "vestigingenregister"), bewerking Vliegwiel. Ondernemingen: banen opgeteld over hun vestigingen in het gebied."
        }

        private func link(_ extra: [String: String] = [:]) -> String {
            SiteURL.fastGrowers.path + "?" + model.selection.query(["definitie": model.definition.rawValue].merging(extra) { $1 })
        }

        func render() -> String {
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .fastGrowers, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                Forms.selection(.fastGrowers, model.selection, years: .end(label: "eindjaar", years: model.selection.years.filter { model.selection.years.contains($0 - 3) }), extra: [
                    .label(.for("definitie"), " definitie "),
                    Forms.select(id: "definitie", name: "definitie", options: Definition.allCases.map { ($0.rawValue, $0.label) },
                                 selected: model.definition.rawValue),
                ]),
                .div(.class("notice"),
                     .p(.strong("Definitie. "), .text("Een snelle groeier is een onderneming (KvK-nummer) die in \(model.year - 3) al bestond en toen minstens 10 banen had, en die in de drie jaar tot \(model.year) \(model.definition == .oecd ? "gemiddeld meer dan 20%" : "gemiddeld meer dan 10%") per jaar groeide in banen (\(model.definition == .oecd ? "in totaal meer dan 72,8%" : "in totaal meer dan 33,1%"); exact vergeleken, zonder afronding). Een gazelle is een snelle groeier die hooguit vijf jaar oud is (opgericht in \(model.year - 5) of \(model.year - 4))."))),
                .p(.class("lead"), .text("\(model.firms.count) snelle groeiers, waarvan \(model.firms.filter(\.isGazelle).count) gazellen.")),
                .div(.class("chart-block"), .raw(BarChart(title: "Snelle groeiers per eindjaar", unit: "ondernemingen",
                    bars: model.trend.map { .init(label: "\($0.year - 3)-\($0.year)", value: Double($0.highGrowth),
                                                  link: SiteURL.fastGrowers.path + "?" + model.selection.with(from: $0.year - 3, to: $0.year).query(["definitie": model.definition.rawValue])) },
                    source: source).svg(id: "trend"))),
                .table(
                    .caption(.text("Snelle groeiers en gazellen per eindjaar")),
                    .thead(.tr(.th("Periode"), .th(.class("number"), "Snelle groeiers"), .th(.class("number"), "Gazellen"))),
                    .tbody(.forEach(model.trend) { year in
                        .tr(.td(.text("\(year.year - 3)-\(year.year)")), .td(.class("number"), .text(String(year.highGrowth))),
                            .td(.class("number"), .text(String(year.gazelles))))
                    })
                ),
                .h2(.text("De snelle groeiers van \(model.year - 3)-\(model.year)")),
                .table(
                    .caption(.text("Ondernemingen, grootste groei eerst")),
                    .thead(.tr(.th("KvK"), .th("Naam"), .th("Opgericht"), .th(.class("number"), .text("Banen \(model.year - 3)")),
                               .th(.class("number"), .text("Banen \(model.year)")), .th(.class("number"), "Groei"), .th("Gazelle"),
                               .th(.class("number"), "Birch-Schreyer"))),
                    .tbody(.forEach(model.firms) { firm in
                        .tr(.td(.text(firm.kvk)), .td(.text(firm.name)), .td(.text(firm.born.map(String.init) ?? "onbekend")),
                            .td(.class("number"), .text(DutchFormat.integer(firm.jobsStart))), .td(.class("number"), .text(DutchFormat.integer(firm.jobsEnd))),
                            .td(.class("number"), .text(DutchFormat.signedPercent(Double(firm.jobsEnd - firm.jobsStart) / Double(max(firm.jobsStart, 1))))),
                            .td(.text(firm.isGazelle ? "ja" : "nee")),
                            .td(.class("number"), .text(firm.birchSchreyer.map { DutchFormat.decimal($0) } ?? "–")))
                    })
                ),
                .p(.a(.href(link(["formaat": "csv"])), "Download de snelle groeiers als CSV")),
                .p(.class("source"), .text(source))
            ))
        }
    }
}
