import Analysis
import Fluent
import Vapor

extension PlaceFigures {
    /// The figures of a place for a request: over the home municipality's register years, cached
    /// per data generation and per the place's postcodes (an edit gives new figures at once).
    static func load(_ place: Place, municipality: String, request: Request) async throws -> PlaceFigures {
        try await load(place.area(in: municipality), municipality: municipality, request: request)
    }

    /// The same figures for an area: a place, or the whole municipality (no postcodes).
    static func load(_ area: Area, municipality: String, request: Request) async throws -> PlaceFigures {
        let (cache, generation, database) = (request.application.viewCache, try await request.dataState().generation, request.db)
        let panel = try await cache.panel(generation: generation, on: database)
        return try await cache.value("place|\(municipality)|\(area.postcodes.map { $0.sorted().joined(separator: " ") } ?? "all")", generation: generation) {
            let clusters = try await Demography.clusters(on: database, growthOnly: true)
            return PlaceFigures.compute(area: area, municipality: municipality, years: panel.years(in: .municipality(municipality)),
                                        growthClusters: clusters, panel: panel)
        }
    }
}
