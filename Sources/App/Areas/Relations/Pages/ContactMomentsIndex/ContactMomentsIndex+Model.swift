import Fluent
import Foundation
import SQLKit

/// Relaties > Contactmomenten: the latest contact moments with their organisations, people and topics.
enum ContactMomentsIndex {
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
        let rows: [Row]
        let total: Int
        let page: Int
        let mayEdit: Bool
        static let pageSize = 50

        var pages: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }
    }

    static func query(page: Int, mayEdit: Bool, on database: Database) async throws -> Model {
        let total = try await ContactMoment.query(on: database).count()
        let moments = try await ContactMoment.query(on: database).sort(\.$date, .descending).sort(\.$id)
            .page(page, size: Model.pageSize).all()
        let ids = try moments.map { try $0.requireID() }
        let sql = database as! any SQLDatabase
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
        return Model(rows: try moments.map { moment in
            let id = try moment.requireID()
            return Row(id: id, date: moment.date, kind: moment.kind, organisations: (organisations[id] ?? []).sorted { $0.name < $1.name },
                       people: (people[id] ?? []).sorted { $0.name < $1.name }, erasedPeople: moment.erasedPeople, topics: (topics[id] ?? []).sorted())
        }, total: total, page: page, mayEdit: mayEdit)
    }
}
