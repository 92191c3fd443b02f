import Fluent
import Foundation

/// The editable list of topics of contact moments, with the usual ones to start from.
struct CreateTopics: AsyncMigration {
    var name: String { "0018_CreateTopics" }

    static let defaults = [
        "Ruimte en huisvesting", "Personeel en arbeidsmarkt", "Innovatie", "Financiering", "Vergunningen", "Duurzaamheid",
        "Samenwerking met onderwijs", "Internationaal ondernemen", "Bereikbaarheid", "Digitalisering",
    ]

    func prepare(on database: Database) async throws {
        try await database.schema("topics")
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        for name in Self.defaults { try await Topic(name: name).create(on: database) }
    }

    func revert(on database: Database) async throws {
        try await database.schema("topics").delete()
    }
}
