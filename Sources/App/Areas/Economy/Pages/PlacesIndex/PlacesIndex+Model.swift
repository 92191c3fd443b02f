import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Plekken: the strategy's places (sets of postcode areas) with their figures in the
/// register's last year, and the way to add one.
enum PlacesIndex {
    struct Row: Sendable, Equatable {
        let key: String
        let name: String
        let postcodes: [String]
        let latest: PlaceFigures.Year?
    }

    struct Model: Sendable, Equatable {
        let municipalityName: String
        let rows: [Row]
        /// The whole municipality in the same year, for comparison.
        let municipality: PlaceFigures.Year?
        let mayEdit: Bool
        let isDemo: Bool

        var year: Int? { municipality?.year ?? rows.compactMap(\.latest?.year).max() }
    }

    static func query(municipality: String, mayEdit: Bool, request: Request) async throws -> Model {
        let places = try await PlaceService.all(on: request.db)
        var rows: [Row] = []
        for place in places {
            let figures = try await PlaceFigures.load(place, municipality: municipality, request: request)
            rows.append(Row(key: place.key, name: place.name, postcodes: place.areas.sorted(), latest: figures.latest))
        }
        let whole = try await PlaceFigures.load(.municipality(municipality), municipality: municipality, request: request)
        return Model(municipalityName: try PlaceService.municipality(municipality).name, rows: rows, municipality: whole.latest, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: request.db))
    }
}
