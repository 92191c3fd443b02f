import Analysis
import Vapor

/// `GET /api/v1/benchmarks`: the ranking of the Vergelijking page as JSON (the same model).
struct BenchmarksAPIController {
    let area: String

    struct MunicipalityDTO: Content {
        let code: String
        let name: String
        let rank: Int
        let value: Double
        let jobs: Int
        let establishments: Int
        let inhabitants: Int?
    }

    struct PointDTO: Content {
        let year: Int
        let value: Double?
        let rank: Int?
        let of: Int
    }

    struct RegisterCheckDTO: Content {
        let code: String
        let publishedJobs: Int
        let registerJobs: Int
        let publishedEstablishments: Int
        let registerEstablishments: Int
        let agrees: Bool

        enum CodingKeys: String, CodingKey {
            case code, agrees
            case publishedJobs = "published_jobs", registerJobs = "register_jobs"
            case publishedEstablishments = "published_establishments", registerEstablishments = "register_establishments"
        }
    }

    struct BenchmarkDTO: Content {
        let area: String
        let name: String
        let indicator: String
        let group: String
        let year: Int
        let baseYear: Int?
        let rank: Int?
        let of: Int
        let value: Double?
        let municipalities: [MunicipalityDTO]
        let trend: [PointDTO]
        let registerChecks: [RegisterCheckDTO]
        let demo: Bool

        enum CodingKeys: String, CodingKey {
            case area, name, indicator, group, year, rank, of, value, municipalities, trend, demo
            case baseYear = "base_year", registerChecks = "register_checks"
        }
    }

    func show(_ request: Request) async throws -> BenchmarkDTO {
        let model = try await Benchmark.model(try Benchmark.parse(request, defaultArea: area, api: true), request: request)
        return BenchmarkDTO(
            area: model.query.area, name: model.areaName, indicator: model.indicator.rawValue, group: model.query.group.rawValue, year: model.year,
            baseYear: model.indicator == .jobsGrowth ? model.base : nil, rank: model.area?.rank, of: model.rows.count, value: model.area?.value,
            municipalities: model.rows.map {
                MunicipalityDTO(code: $0.code, name: $0.name, rank: $0.rank, value: $0.value, jobs: $0.figures.jobs, establishments: $0.figures.establishments,
                                inhabitants: $0.figures.inhabitants)
            },
            trend: model.trend.map { PointDTO(year: $0.year, value: $0.value, rank: $0.rank, of: $0.of) },
            registerChecks: model.registerChecks.map {
                RegisterCheckDTO(code: $0.code, publishedJobs: $0.published.jobs, registerJobs: $0.registerJobs, publishedEstablishments: $0.published.establishments,
                                 registerEstablishments: $0.registerEstablishments, agrees: $0.agrees)
            },
            demo: model.isDemo)
    }
}
