import Fluent
import Foundation
import SQLKit

/// Relaties > Contactmomenten: contact moments with their organisations, people and topics,
/// filtered by period, kind, organisation, account manager and topic, ordered by date or kind.
enum ContactMomentsIndex {
    enum Column: String, CaseIterable, Sendable, Hashable {
        case date = "datum"
        case kind = "soort"
    }

    struct Filter: Sendable, Hashable {
        var from: CalendarDay?
        var to: CalendarDay?
        var kind: ContactMoment.Kind?
        var organisation: UUID?
        var accountManager: UUID?
        var topic: UUID?
        var order = ListOrder<Column>(column: .date, descending: true)

        /// The filter's query parameters (without the order).
        var parameters: [(String, String?)] {
            [("vanaf", from?.text), ("tot-en-met", to?.text), ("soort", kind?.rawValue), ("organisatie", organisation?.uuidString),
             ("accountmanager", accountManager?.uuidString), ("onderwerp", topic?.uuidString)]
        }
    }

    struct Row: Sendable, Equatable {
        let id: UUID
        let date: String
        let kind: ContactMoment.Kind
        let organisations: [Named]
        let people: [Named]
        /// People who took part but were erased under the AVG (counted, not named).
        var erasedPeople = 0
        let topics: [String]
    }

    struct Model: Sendable, Equatable {
        let filter: Filter
        let rows: [Row]
        let total: Int
        let mayEdit: Bool
        /// What the filters choose from, and the organisation filtered on by name.
        var users: [Named] = []
        var topics: [Named] = []
        var organisation: Named?
        static let pageSize = 50
    }

    static func query(_ filter: Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        let sql = database as! any SQLDatabase
        var query = ContactMoment.query(on: database)
        if let from = filter.from { query = query.filter(\.$date >= from.text) }
        if let to = filter.to { query = query.filter(\.$date <= to.text) }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        for (table, column, id) in [("contact_moment_organisations", "organisation_id", filter.organisation),
                                    ("contact_moment_managers", "user_id", filter.accountManager), ("contact_moment_topics", "topic_id", filter.topic)] {
            guard let id else { continue }
            let linked = SQLSubquery.select { $0.column("contact_moment_id").from(table).where(SQLColumn(column), .equal, SQLBind(id)) }
            query = query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: ContactMoment.schema), .in, linked)))
        }
        let total = try await query.count()
        let direction: DatabaseQuery.Sort.Direction = filter.order.descending ? .descending : .ascending
        let moments = try await (filter.order.column == .kind ? query.sort(\.$kind, direction).sort(\.$date, .descending) : query.sort(\.$date, direction))
            .sort(\.$id).page(filter.order.page, size: Model.pageSize).all()
        let ids = try moments.map { try $0.requireID() }
        var organisations: [UUID: [Named]] = [:], people: [UUID: [Named]] = [:], topics: [UUID: [String]] = [:]
        if !ids.isEmpty {
            for row in try await sql.select().column(SQLColumn("contact_moment_id")).column(SQLColumn("id", table: "organisations"), as: "named_id").column(SQLColumn("name", table: "organisations"))
                .from("contact_moment_organisations").join("organisations", on: SQLColumn("organisation_id"), .equal, SQLColumn("id", table: "organisations"))
                .where(SQLColumn("contact_moment_id"), .in, SQLBind.group(ids)).all() {
                organisations[try row.decode(column: "contact_moment_id", as: UUID.self), default: []]
                    .append(Named(id: try row.decode(column: "named_id", as: UUID.self), name: try row.decode(column: "name", as: String.self)))
            }
            for row in try await sql.select().column(SQLColumn("contact_moment_id")).column(SQLColumn("id", table: "people"), as: "named_id").column(SQLColumn("name", table: "people"))
                .from("contact_moment_people").join("people", on: SQLColumn("person_id"), .equal, SQLColumn("id", table: "people"))
                .where(SQLColumn("contact_moment_id"), .in, SQLBind.group(ids)).all() {
                people[try row.decode(column: "contact_moment_id", as: UUID.self), default: []]
                    .append(Named(id: try row.decode(column: "named_id", as: UUID.self), name: try row.decode(column: "name", as: String.self)))
            }
            for row in try await sql.select().column(SQLColumn("contact_moment_id")).column(SQLColumn("name", table: "topics"))
                .from("contact_moment_topics").join("topics", on: SQLColumn("topic_id"), .equal, SQLColumn("id", table: "topics"))
                .where(SQLColumn("contact_moment_id"), .in, SQLBind.group(ids)).all() {
                topics[try row.decode(column: "contact_moment_id", as: UUID.self), default: []].append(try row.decode(column: "name", as: String.self))
            }
        }
        return Model(filter: filter, rows: try moments.map { moment in
            let id = try moment.requireID()
            return Row(id: id, date: moment.date, kind: moment.kind, organisations: (organisations[id] ?? []).sorted { $0.name < $1.name },
                       people: (people[id] ?? []).sorted { $0.name < $1.name }, erasedPeople: moment.erasedPeople, topics: (topics[id] ?? []).sorted())
        }, total: total, mayEdit: mayEdit,
           users: try await UserDirectory.load(on: database).users.map { Named(id: $0.id, name: $0.name) },
           topics: try await Topic.query(on: database).sort(\.$name).all().map { Named(id: try $0.requireID(), name: $0.name) },
           organisation: try await named(filter.organisation, on: database))
    }

    private static func named(_ organisation: UUID?, on database: Database) async throws -> Named? {
        guard let organisation, let found = try await Organisation.find(organisation, on: database) else { return nil }
        return Named(id: organisation, name: found.name)
    }
}
