import Fluent
import Foundation
import Vapor

/// Groeiclusters > Samenwerkingen: the collaborations between organisations, latest start first,
/// filtered by organisation, kind and whether they run today, in pages.
enum CollaborationsIndex {
    enum Column: String, CaseIterable, Sendable, Hashable {
        case start = "begin"
    }

    struct Filter: Sendable, Equatable {
        var organisation: UUID?
        var kind: Collaboration.Kind?
        var currentOnly = false
        var order = ListOrder<Column>(column: .start, descending: true)

        var parameters: [(String, String?)] {
            [("organisatie", organisation?.uuidString), ("soort", kind?.rawValue), ("lopend", currentOnly ? "ja" : nil)]
        }
    }

    struct Row: Sendable, Equatable {
        let id: UUID
        let first: Named
        let second: Named
        let kind: Collaboration.Kind
        let strength: Int
        let startedOn: String?
        let endedOn: String?
        let isCurrent: Bool
    }

    struct Model: Sendable, Equatable {
        let filter: Filter
        /// The organisation filtered on, by name.
        let organisation: Named?
        let rows: [Row]
        let total: Int
        let mayEdit: Bool
        static let pageSize = 50
    }

    static func query(_ filter: Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        var query = Collaboration.query(on: database)
        var organisation: Named?
        if let id = filter.organisation {
            let found = try await OrganisationService.find(id, on: database)
            organisation = Named(id: id, name: found.name)
            query = query.group(.or) { $0.filter(\.$first.$id == id).filter(\.$second.$id == id) }
        }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        let today = CalendarDay.today.text
        if filter.currentOnly { query = query.running(on: today) }
        let total = try await query.count()
        let collaborations = try await query.sort(\.$startedOn, filter.order.descending ? .descending : .ascending).sort(\.$id)
            .page(filter.order.page, size: Model.pageSize).all()
        let ids = Array(Set(collaborations.flatMap { [$0.$first.id, $0.$second.id] }))
        let names = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: database).filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0.name) })
        let named = { (id: UUID) in Named(id: id, name: names[id] ?? "") }
        return Model(filter: filter, organisation: organisation, rows: try collaborations.map { collaboration in
            Row(id: try collaboration.requireID(), first: named(collaboration.$first.id), second: named(collaboration.$second.id), kind: collaboration.kind,
                strength: collaboration.strength, startedOn: collaboration.startedOn, endedOn: collaboration.endedOn, isCurrent: collaboration.isCurrent(on: today))
        }, total: total, mayEdit: mayEdit)
    }
}
