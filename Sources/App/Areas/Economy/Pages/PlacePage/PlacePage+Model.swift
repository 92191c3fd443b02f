import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Plekken > one place: its figures over the years, its growth clusters, a map of the
/// municipality's postcode areas with the place outlined, and its postcode areas with the records.
enum PlacePage {
    struct Model: Sendable, Equatable {
        let key: String
        let name: String
        let postcodes: [String]
        let note: String?
        let municipality: String
        let municipalityName: String
        let figures: PlaceFigures
        let mayEdit: Bool
        let isDemo: Bool

        /// The four-digit areas the place covers (whole, or in part through full postcodes).
        var postcodeAreas: Set<String> { Set(postcodes.map { String($0.prefix(4)) }) }
        var title: String { localized("\(name) (plek in \(municipalityName))", "\(name) (place in \(municipalityName))") }
    }

    static func query(_ place: Place, municipality: String, mayEdit: Bool, request: Request) async throws -> Model {
        Model(key: place.key, name: place.name, postcodes: place.areas.sorted(), note: place.note, municipality: municipality,
              municipalityName: try PlaceService.municipality(municipality).name,
              figures: try await PlaceFigures.load(place, municipality: municipality, request: request), mayEdit: mayEdit,
              isDemo: try await Setting.isDemo(on: request.db))
    }

    static func csv(_ model: Model) -> String {
        (["jaar,banen,vestigingen,geboorten_vestigingen,snelle_groeiers,vestigingen_in_groeicluster"] + model.figures.years.map { year in
            [String(year.year), String(year.jobs), String(year.establishments), CSVField.integer(year.births), CSVField.integer(year.fastGrowers),
             String(year.clusterMembers)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
