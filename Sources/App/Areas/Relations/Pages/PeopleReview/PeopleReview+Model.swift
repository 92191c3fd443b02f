import Fluent
import Foundation

/// Relaties > Personen ter beoordeling (AVG): people without activity for a number of years, for
/// an administrator to keep or erase.
enum PeopleReview {
    struct Model: Sendable {
        let years: Int
        let people: [(id: UUID, name: String, lastActivity: String)]
    }

    static func query(on database: Database) async throws -> Model {
        let years = try await Setting.number(.reviewAfterYears, default: 3, on: database)
        let people = try await Privacy(database: database, actor: .system).inactive(years: years)
        return Model(years: years, people: try people.map { (try $0.person.requireID(), $0.person.name, $0.lastActivity) })
    }
}
