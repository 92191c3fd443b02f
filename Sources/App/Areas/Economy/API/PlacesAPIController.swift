import Analysis
import Vapor

/// `GET /api/v1/places` and `/api/v1/places/:key`: the places with their figures, as on Economie > Plekken.
struct PlacesAPIController {
    let area: String

    struct YearDTO: Content {
        let year: Int
        let jobs: Int
        let establishments: Int
        let births: Int?
        let fastGrowers: Int?
        let clusterMembers: Int

        enum CodingKeys: String, CodingKey {
            case year, jobs, establishments, births
            case fastGrowers = "fast_growers", clusterMembers = "cluster_members"
        }

        init(_ year: PlaceFigures.Year) {
            (self.year, jobs, establishments, births, fastGrowers, clusterMembers) = (year.year, year.jobs, year.establishments, year.births, year.fastGrowers, year.clusterMembers)
        }
    }

    struct ClusterDTO: Content {
        let key: String
        let name: String
        let establishments: Int
        let jobs: Int
    }

    struct PlaceDTO: Content {
        let key: String
        let name: String
        let municipality: String
        let postcodes: [String]
        let note: String?
        let latest: YearDTO?
        /// Only for one place: every register year, and the growth clusters in the last year.
        let years: [YearDTO]?
        let clusters: [ClusterDTO]?
        let demo: Bool
    }

    func list(_ request: Request) async throws -> [PlaceDTO] {
        let isDemo = try await Setting.isDemo(on: request.db)
        var result: [PlaceDTO] = []
        for place in try await PlaceService.all(on: request.db) {
            let figures = try await PlaceFigures.load(place, municipality: area, request: request)
            result.append(PlaceDTO(key: place.key, name: place.name, municipality: area, postcodes: place.areas.sorted(), note: place.note,
                                   latest: figures.latest.map(YearDTO.init), years: nil, clusters: nil, demo: isDemo))
        }
        return result
    }

    func show(_ request: Request) async throws -> PlaceDTO {
        let place = try await PlaceService.find(key: request.parameters.get("id") ?? "", on: request.db)
        let figures = try await PlaceFigures.load(place, municipality: area, request: request)
        return PlaceDTO(key: place.key, name: place.name, municipality: area, postcodes: place.areas.sorted(), note: place.note,
                        latest: figures.latest.map(YearDTO.init), years: figures.years.map(YearDTO.init),
                        clusters: figures.clusters.map { ClusterDTO(key: $0.key, name: $0.name, establishments: $0.establishments, jobs: $0.jobs) },
                        demo: try await Setting.isDemo(on: request.db))
    }
}
