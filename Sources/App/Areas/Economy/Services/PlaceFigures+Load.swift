import Analysis
import Fluent
import Vapor

extension PlaceFigures {
    /// The figures of a place for a request: over the home municipality's register years, cached
    /// per data generation and per the place's postcodes (an edit gives new figures at once).
    static func load(_ place: Place, municipality: String, request: Request) async throws -> PlaceFigures {
        let (cache, generation, database) = (request.application.viewCache, try await request.dataState().generation, request.db)
        let panel = try await cache.panel(generation: generation, on: database)
        let area = place.area(in: municipality)
        return try await cache.value("place|\(municipality)|\(place.areas.sorted().joined(separator: " "))", generation: generation) {
            let clusters = try await Demography.clusters(on: database, growthOnly: true)
            return PlaceFigures.compute(area: area, municipality: municipality, years: panel.years(in: .municipality(municipality)),
                                        growthClusters: clusters, panel: panel)
        }
    }
}
