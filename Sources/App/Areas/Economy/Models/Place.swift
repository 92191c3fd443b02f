import Analysis
import Fluent
import Foundation

/// A place of the strategy (the Spoorzone, Hessenpoort, the city centre) as a set of postcode
/// areas of the home municipality: four-digit areas (`8011`) and, where the register has full
/// postcodes, six-character ones (`8011AB`). Advisers keep them on Economie > Plekken; the
/// monitor counts its figures there, the clusters' showcase and projects name them.
final class Place: Model, @unchecked Sendable {
    static let schema = "places"

    @ID(key: .id) var id: UUID?
    /// In URLs: `spoorzone`.
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    /// Postcode areas separated by spaces.
    @Field(key: "postcodes") var postcodes: String
    /// Why these postcodes (an assumption to check, a source).
    @OptionalField(key: "note") var note: String?

    init() {}

    init(key: String, name: String, postcodes: [String], note: String? = nil) {
        (self.key, self.name, self.postcodes, self.note) = (key, name, postcodes.joined(separator: " "), note)
    }

    var areas: Set<String> { Set(postcodes.split(separator: " ").map(String.init)) }

    /// Whether a postcode (`8011AB`, `8011 ab`) lies in the place.
    func contains(postcode: String?) -> Bool {
        guard let postcode else { return false }
        let compact = postcode.replacingOccurrences(of: " ", with: "").uppercased()
        return areas.contains(String(compact.prefix(4))) || areas.contains(compact)
    }

    /// The place as an area of the register: the municipality narrowed to its postcodes.
    func area(in municipality: String) -> Area {
        Area(municipalities: [municipality], postcodes: areas)
    }
}
