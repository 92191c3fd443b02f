import Vapor

/// `GET /api/v1/kerncijfers`: the key figures of the home page as JSON.
struct KeyFiguresAPIController {
    let area: String

    /// What the API returns; never a database model.
    struct KeyFiguresDTO: Content {
        let area: String
        let name: String?
        let year: Int?
        let jobs: Int?
        let establishments: Int?
        let inhabitants: Int?
        let jobsPer1000Inhabitants: Double?
        let demo: Bool

        enum CodingKeys: String, CodingKey {
            case area, name, year, jobs, establishments, inhabitants, demo
            case jobsPer1000Inhabitants = "jobs_per_1000_inhabitants"
        }
    }

    func show(_ request: Request) async throws -> KeyFiguresDTO {
        let model = try await Home.query(area: area, on: request.db)
        let latest = model.latest
        return KeyFiguresDTO(area: model.area, name: model.municipalityName, year: latest?.year, jobs: latest?.jobs,
                             establishments: latest?.establishments, inhabitants: latest?.inhabitants,
                             jobsPer1000Inhabitants: latest?.jobsPerThousandInhabitants, demo: model.isDemo)
    }
}
