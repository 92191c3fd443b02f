import Analysis
import Fluent

/// "Stand van <gemeente>": the key figures of the latest register year against ten years earlier.
enum Home {
    struct Model: Equatable {
        let area: String
        let municipalityName: String?
        let isDemo: Bool
        let latest: KeyFigures?
        /// Ten years before `latest`, when the register goes back that far.
        let base: KeyFigures?
        let populationSource: String?

        var title: String { localized("Stand van ", "State of ") + (municipalityName ?? area) }
    }

    static func query(area code: String, on database: Database) async throws -> Model {
        let isDemo = try await Setting.isDemo(on: database)
        guard let municipality = try await Municipality.find(code, on: database) else {
            return Model(area: code, municipalityName: nil, isDemo: isDemo, latest: nil, base: nil, populationSource: nil)
        }
        let store = RegisterStore(database)
        guard let latestYear = try await store.latestYear(municipality: code) else {
            return Model(area: code, municipalityName: municipality.name, isDemo: isDemo, latest: nil, base: nil, populationSource: nil)
        }
        let baseYear = try await store.hasRecords(municipality: code, year: latestYear - 10) ? latestYear - 10 : nil
        let panel = try await store.panel(municipalities: [code], years: [latestYear] + (baseYear.map { [$0] } ?? []))
        let area = Area.municipality(code)
        var base: KeyFigures?
        if let baseYear {
            base = panel.keyFigures(in: area, year: baseYear, inhabitants: try await store.population(municipality: code, year: baseYear)?.inhabitants)
        }
        let population = try await store.population(municipality: code, year: latestYear)
        return Model(
            area: code, municipalityName: municipality.name, isDemo: isDemo,
            latest: panel.keyFigures(in: area, year: latestYear, inhabitants: population?.inhabitants),
            base: base, populationSource: population?.source)
    }
}
