import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Snelle groeiers: high-growth enterprises and gazelles per year, and the firms of
/// the chosen year with their jobs at the start and the end of the three-year window.
enum FastGrowers {
    enum Definition: String, CaseIterable, Sendable {
        case oecd, eu2014

        var rule: HighGrowth.Rule { self == .oecd ? .oecd : .eu2014 }

        var label: String {
            switch self {
            case .oecd: localized("OECD-Eurostat (2007): gemiddeld meer dan 20% groei per jaar", "OECD-Eurostat (2007): more than 20% growth a year on average")
            case .eu2014: localized("EU-verordening 2014: gemiddeld meer dan 10% groei per jaar", "EU regulation 2014: more than 10% growth a year on average")
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
        var title: String { localized("Snelle groeiers in ", "Fast growers in ") + "\(selection.name), \(year - 3)-\(year)" }
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
        // The name of an enterprise: that of its main establishment in the area at the end.
        let records = try await store.records(municipalities: selection.municipalities, years: selection.to...selection.to).filter { ids.contains($0.kvkNumber) }
        let names = Dictionary(grouping: records, by: \.kvkNumber).compactMapValues { RegisterRecord.main(of: $0)?.name }
        let firms = units.map { unit in
            Firm(kvk: unit.id, name: names[unit.id] ?? unit.id, born: unit.born, jobsStart: unit.jobsStart ?? 0, jobsEnd: unit.jobsEnd ?? 0,
                 isGazelle: HighGrowth.isGazelle(unit, endYear: selection.to, rule: rule), birchSchreyer: HighGrowth.birchSchreyer(unit))
        }.sorted { ($0.jobsEnd - $0.jobsStart, $1.kvk) > ($1.jobsEnd - $1.jobsStart, $0.kvk) }
        return Model(selection: selection, definition: definition, trend: trend, firms: firms, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["kvk_nummer,naam,oprichtingsjaar,banen_\(model.year - 3),banen_\(model.year),groei_procent,gazelle,birch_schreyer"] + model.firms.map { firm in
            [firm.kvk, CSVCell.text(firm.name), firm.born.map(String.init) ?? "", String(firm.jobsStart), String(firm.jobsEnd),
             CSVField.decimal(Double(firm.jobsEnd - firm.jobsStart) / Double(max(firm.jobsStart, 1)) * 100),
             firm.isGazelle ? "ja" : "nee", CSVField.decimal(firm.birchSchreyer)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
