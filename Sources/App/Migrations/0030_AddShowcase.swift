import Foundation
import Fluent
import SQLKit

/// The public showcase of the growth clusters: an organisation's consent to be shown (since when,
/// recorded by whom, with a short description), and places as sets of postcode areas (the
/// Spoorzone: the station area on both sides of the tracks, 8011 and 8017).
struct AddShowcase: AsyncMigration {
    var name: String { "0030_AddShowcase" }

    func prepare(on database: Database) async throws {
        // One column at a time: SQLite adds one per statement.
        for (column, type) in [("showcase_since", DatabaseSchema.DataType.string), ("showcase_recorded_by", .uuid), ("showcase_description", .string)] {
            try await database.schema("organisations").field(.string(column), type).update()
        }
        try await database.schema("places")
            .id()
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("postcodes", .string, .required)
            .unique(on: "key")
            .create()
        try await PlaceRow(key: "spoorzone", name: "Spoorzone", postcodes: "8011 8017").create(on: database)
    }

    /// A place as this migration made the table (the model has grown since).
    private final class PlaceRow: Model, @unchecked Sendable {
        static let schema = "places"
        @ID(key: .id) var id: UUID?
        @Field(key: "key") var key: String
        @Field(key: "name") var name: String
        @Field(key: "postcodes") var postcodes: String

        init() {}
        init(key: String, name: String, postcodes: String) { (self.key, self.name, self.postcodes) = (key, name, postcodes) }
    }

    func revert(on database: Database) async throws {
        try await database.schema("places").delete()
        for column in ["showcase_since", "showcase_recorded_by", "showcase_description"] {
            try await database.schema("organisations").deleteField(.string(column)).update()
        }
    }
}
