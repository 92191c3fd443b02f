import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Regio: the city against the rest of its region and the Netherlands (jobs growth,
/// fast growers, jobs per 1,000 inhabitants), with a map of the region's municipalities.
enum RegionPage {
    struct Row: Sendable, Equatable {
        let code: String
        let name: Bilingual
        let jobsFrom: Int
        let jobsTo: Int
        let fastGrowers: Int?
        let inhabitants: Int?

        var growth: Double? { Change(from: jobsFrom, to: jobsTo).relative }
        var jobsPerThousand: Double? { KeyFigures.jobsPerThousand(jobs: jobsTo, inhabitants: inhabitants) }
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let from: Int
        let to: Int
        let city: Row
        let rest: Row
        let region: Row
        /// Jobs in the Netherlands (national totals), when loaded.
        let nation: Row?
        let municipalities: [Row]
        /// Jobs per postcode area of the city in `to` (only where its postcode map is shipped).
        let jobsByPostcodeArea: [String: Int]
        /// Whether the boundaries of every municipality of the region are shipped (a map of part
        /// of a region would mislead, so there is none).
        let hasMap: Bool
        let years: [Int]
        let isDemo: Bool

        var title: String { "\(city.name.text) \(localized("en", "and")) \(region.name.text), \(from)-\(to)" }
    }

    /// The city against `region` over the years of `selection` (whose area the links to the other
    /// monitor pages keep).
    static func query(city code: String, region: AppConfig.Region, selection: MonitorSelection, panel: RegisterPanel, on database: Database) async throws -> Model {
        let (from, to, years) = (selection.from, selection.to, selection.years)
        let reference = try ReferenceData.shared.get()
        let store = RegisterStore(database)
        let members = reference.members(of: region)
        func row(_ code: String, _ name: Bilingual, _ municipalities: [String]) async throws -> Row {
            let area = Area(municipalities: Set(municipalities))
            let inhabitants = try await store.population(municipalities: municipalities, year: to)
            let fast = to - 3 >= (years.first ?? to) ? panel.highGrowthUnits(in: area, endYear: to).count : nil
            return Row(code: code, name: name, jobsFrom: panel.jobs(in: area, year: from), jobsTo: panel.jobs(in: area, year: to),
                       fastGrowers: fast, inhabitants: inhabitants)
        }
        let cityName = reference.municipalities.first { $0.code == code }?.name ?? code
        var rows: [Row] = []
        for member in members {
            rows.append(try await row(member.code, Bilingual(dutch: member.name, english: member.name), [member.code]))
        }
        let others = members.map(\.code).filter { $0 != code }
        let nationFrom = try await store.nationalJobs(year: from).jobs.values.reduce(0, +)
        let nationTo = try await store.nationalJobs(year: to).jobs.values.reduce(0, +)
        return Model(
            selection: selection,
            from: from, to: to, city: try await row(code, Bilingual(dutch: cityName, english: cityName), [code]),
            rest: try await row("rest", Bilingual(dutch: "Rest van \(region.name)", english: "Rest of \(region.name)"), others),
            region: try await row(region.key, Bilingual(dutch: region.name, english: region.name), members.map(\.code)),
            nation: nationFrom > 0 && nationTo > 0 ? Row(code: "NL", name: Bilingual(dutch: "Nederland", english: "The Netherlands"), jobsFrom: nationFrom, jobsTo: nationTo, fastGrowers: nil, inhabitants: nil) : nil,
            municipalities: rows,
            jobsByPostcodeArea: ChoroplethMap.postcodeAreas(of: code).isEmpty ? [:] : try await store.jobsByPostcodeArea(municipality: code, year: to),
            hasMap: ChoroplethMap.municipalities(members.map(\.code)).count == members.count,
            years: years, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        let rows = [model.city, model.rest, model.region] + (model.nation.map { [$0] } ?? []) + model.municipalities
        let header = "code,naam,banen_\(model.from),banen_\(model.to),groei_procent,snelle_groeiers_\(model.to),inwoners_\(model.to),banen_per_1000_inwoners"
        let lines: [String] = rows.map { row in
            let fields: [String] = [row.code, CSVCell.text(row.name.dutch), String(row.jobsFrom), String(row.jobsTo),
                                    CSVField.decimal(row.growth.map { $0 * 100 }), CSVField.integer(row.fastGrowers),
                                    CSVField.integer(row.inhabitants), CSVField.decimal(row.jobsPerThousand)]
            return fields.joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }
}
