import Analysis
import Vapor

/// `GET /api/v1/demography`: the business demography of the Demografie page as JSON (the same
/// computation, `Demography.figures`).
struct DemographyAPIController {
    let area: String

    struct YearDTO: Content {
        let year: Int
        let stock: Int
        let births: Int?
        let otherEntries: Int?
        let returns: Int?
        let arrivals: Int?
        let departures: Int?
        let closures: Int?
        let birthRate: Double?
        let closureRate: Double?

        enum CodingKeys: String, CodingKey {
            case year, stock, births, returns, arrivals, departures, closures
            case otherEntries = "other_entries", birthRate = "birth_rate", closureRate = "closure_rate"
        }
    }

    struct SurvivalDTO: Content {
        let afterYears: Int
        /// nil until the register reaches that year.
        let survivors: Int?
        let rate: Double?

        enum CodingKeys: String, CodingKey {
            case survivors, rate
            case afterYears = "after_years"
        }
    }

    struct CohortDTO: Content {
        let year: Int
        let births: Int
        let survival: [SurvivalDTO]
    }

    struct DemographyDTO: Content {
        let area: String
        let name: String
        let unit: String
        let section: String?
        let cluster: String?
        let from: Int
        let to: Int
        let years: [YearDTO]
        let cohorts: [CohortDTO]
        let demo: Bool
    }

    func show(_ request: Request) async throws -> DemographyDTO {
        let unit = try request.choice("unit", as: RegisterPanel.Unit.self) ?? .enterprise
        let scope = try await Demography.Scope.scope(section: request.queryText("section"), cluster: request.queryText("cluster"), on: request.db)
        let (cache, generation) = (request.application.viewCache, try await request.dataState().generation)
        let panel = try await cache.panel(generation: generation, on: request.db)
        let selection = try MonitorSelection.parse(request, defaultArea: area, panel: panel, names: .api)
        let database = request.db
        let figures = try await Demography.figures(selection, unit: unit, scope: scope, panel: panel, cache: cache, generation: generation, on: database).scope
        let period = selection.from...selection.to
        var section: String?, cluster: String?
        switch scope {
        case .all: break
        case .section(let letter, _): section = letter
        case .cluster(let key, _): cluster = key
        }
        return DemographyDTO(
            area: selection.area, name: selection.name, unit: unit.rawValue, section: section, cluster: cluster, from: selection.from, to: selection.to,
            years: figures.years.filter { period.contains($0.year) }.map {
                YearDTO(year: $0.year, stock: $0.stock, births: $0.births, otherEntries: $0.otherEntries, returns: $0.returns, arrivals: $0.arrivals,
                        departures: $0.departures, closures: $0.closures, birthRate: $0.birthRate, closureRate: $0.closureRate)
            },
            cohorts: figures.cohorts.filter { period.contains($0.year) }.map { cohort in
                CohortDTO(year: cohort.year, births: cohort.births, survival: BusinessDemography.survivalYears.map {
                    SurvivalDTO(afterYears: $0, survivors: cohort.survivors[$0] ?? nil, rate: cohort.survivalRate(after: $0))
                })
            },
            demo: try await Setting.isDemo(on: database))
    }
}
