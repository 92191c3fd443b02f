import Fluent
import Foundation

/// A place of the strategy as a set of postcode areas (PC4), to show who is located there: the
/// Spoorzone is to become the clusters' showcase.
final class Place: Model, @unchecked Sendable {
    static let schema = "places"

    @ID(key: .id) var id: UUID?
    /// In URLs: `spoorzone`.
    @Field(key: "key") var key: String
    @Field(key: "name") var name: String
    /// Four-digit postcode areas separated by spaces.
    @Field(key: "postcodes") var postcodes: String

    init() {}

    init(key: String, name: String, postcodes: [String]) {
        (self.key, self.name, self.postcodes) = (key, name, postcodes.joined(separator: " "))
    }

    var areas: Set<String> { Set(postcodes.split(separator: " ").map(String.init)) }

    /// Whether a postcode (`8011AB`) lies in the place.
    func contains(postcode: String?) -> Bool {
        postcode.map { areas.contains(String($0.prefix(4))) } ?? false
    }
}
