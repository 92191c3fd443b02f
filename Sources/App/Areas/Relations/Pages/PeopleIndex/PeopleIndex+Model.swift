import Fluent
import Foundation

/// Relaties > Personen: search people by name or e-mail address, in pages.
enum PeopleIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let name: String
        let email: String?
        let organisations: [Named]
    }

    struct Model: Sendable, Equatable {
        let filter: PersonService.Filter
        let rows: [Row]
        let total: Int
        let mayEdit: Bool
        let isDemo: Bool

    }

    /// Without `mayReadContactDetails` the rows carry no e-mail address.
    static func query(_ filter: PersonService.Filter, mayEdit: Bool, mayReadContactDetails: Bool, on database: Database) async throws -> Model {
        let (people, total) = try await PersonService(database: database, actor: .system).search(filter)
        let ids = try people.map { try $0.requireID() }
        let roles = ids.isEmpty ? [] : try await Affiliation.query(on: database).filter(\.$person.$id ~~ ids).filter(\.$to == nil).with(\.$organisation).all()
        let organisations = try Dictionary(grouping: roles, by: \.$person.id).mapValues { try $0.map { Named(id: try $0.organisation.requireID(), name: $0.organisation.name) }.sorted { $0.name < $1.name } }
        return Model(filter: filter, rows: try people.map { Row(id: try $0.requireID(), name: $0.name, email: mayReadContactDetails ? $0.email : nil, organisations: organisations[try $0.requireID()] ?? []) },
                     total: total, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
