import Foundation
import Fluent
import SQLKit

/// A note per place (why these postcodes), and the strategy's places besides the Spoorzone, each
/// with the postcode areas assumed for it (see the note; advisers change them on Economie > Plekken).
struct AddPlaceDefaults: AsyncMigration {
    var name: String { "0040_AddPlaceDefaults" }

    /// The places of zwolle-strategy.json: key, name, four-digit postcode areas, the assumption.
    static let defaults: [(key: String, name: String, postcodes: [String], note: String)] = [
        ("spoorzone", "Spoorzone", ["8011", "8017"], "Aangenomen: het stationsgebied en de zone langs het spoor, postcodegebieden 8011 en 8017."),
        ("binnenstad", "Binnenstad", ["8011"], "Aangenomen: postcodegebied 8011 (de binnenstad binnen de grachten)."),
        ("hessenpoort", "Hessenpoort", ["8028"], "Aangenomen: postcodegebied 8028, het regionale bedrijventerrein aan de A28."),
        ("oosterenk", "Oosterenk", ["8026"], "Aangenomen: postcodegebied 8026; controleer de grenzen van het terrein."),
        ("health-innovation-park", "Health Innovation Park", ["8025"], "Aangenomen: postcodegebied 8025, rond het ziekenhuis (Isala)."),
        ("port-of-zwolle", "Port of Zwolle", ["8041"], "Aangenomen: postcodegebied 8041 (Voorsterpoort, de haven van Zwolle); de delen in Kampen en Meppel vallen buiten de gemeente."),
    ]

    func prepare(on database: Database) async throws {
        try await database.schema("places").field("note", .string).update()
        let existing = Set(try await PlaceRow.query(on: database).all().map(\.key))
        for place in Self.defaults {
            if existing.contains(place.key) {
                try await (database as! any SQLDatabase).update("places").set("note", to: place.note).where("key", .equal, place.key).where("note", .is, SQLLiteral.null).run()
            } else {
                try await PlaceRow(key: place.key, name: place.name, postcodes: place.postcodes.joined(separator: " "), note: place.note).create(on: database)
            }
        }
    }

    func revert(on database: Database) async throws {
        try await PlaceRow.query(on: database).filter(\.$key ~~ Self.defaults.map(\.key).filter { $0 != "spoorzone" }).delete()
        try await database.schema("places").deleteField("note").update()
    }

    /// A place as this migration leaves the table (the model may grow later).
    private final class PlaceRow: Model, @unchecked Sendable {
        static let schema = "places"
        @ID(key: .id) var id: UUID?
        @Field(key: "key") var key: String
        @Field(key: "name") var name: String
        @Field(key: "postcodes") var postcodes: String
        @OptionalField(key: "note") var note: String?

        init() {}
        init(key: String, name: String, postcodes: String, note: String?) { (self.key, self.name, self.postcodes, self.note) = (key, name, postcodes, note) }
    }
}
