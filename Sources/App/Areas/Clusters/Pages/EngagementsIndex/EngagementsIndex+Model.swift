import Fluent
import Foundation
import SQLKit
import Vapor

/// Groeiclusters > Activiteiten: the engagements, latest first, filtered by cluster and kind, in pages.
enum EngagementsIndex {
    enum Column: String, CaseIterable, Sendable, Hashable {
        case date = "datum"
    }

    struct Filter: Sendable, Equatable {
        var cluster: String?
        var kind: Engagement.Kind?
        var order = ListOrder<Column>(column: .date, descending: true)

        var parameters: [(String, String?)] { [("cluster", cluster), ("soort", kind?.rawValue)] }
    }

    struct Row: Sendable, Equatable {
        let id: UUID
        let date: String
        let kind: Engagement.Kind
        let clusters: [String]
        let organisations: [Named]
    }

    struct Model: Sendable, Equatable {
        let filter: Filter
        let rows: [Row]
        let total: Int
        /// Every cluster, key and name, for the filter.
        let clusters: [(key: String, name: String)]
        let mayEdit: Bool
        static let pageSize = 50

        static func == (lhs: Model, rhs: Model) -> Bool { lhs.filter == rhs.filter && lhs.rows == rhs.rows && lhs.total == rhs.total }
    }

    static func query(_ filter: Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        let clusters = try await ClusterService.all(archived: true, on: database)
        var query = Engagement.query(on: database)
        if let key = filter.cluster {
            guard let cluster = clusters.first(where: { $0.key == key }) else {
                throw Abort(.badRequest, reason: localized("Het cluster '\(key.prefix(40))' bestaat niet; kies \(clusters.map(\.key).joined(separator: ", ")).",
                                                           "The cluster '\(key.prefix(40))' does not exist; pick \(clusters.map(\.key).joined(separator: ", "))."))
            }
            let id = try cluster.requireID()
            let linked = SQLSubquery.select { $0.column("engagement_id").from("engagement_clusters").where("cluster_id", .equal, id) }
            query = query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: Engagement.schema), .in, linked)))
        }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        let total = try await query.count()
        let engagements = try await query.sort(\.$date, filter.order.descending ? .descending : .ascending).sort(\.$id)
            .page(filter.order.page, size: Model.pageSize).all()
        let ids = try engagements.map { try $0.requireID() }
        let sql = database as! any SQLDatabase
        var names: [UUID: [Named]] = [:], clusterNames: [UUID: [String]] = [:]
        if !ids.isEmpty {
            for row in try await sql.select().column("engagement_id").column(SQLColumn("id", table: "organisations"), as: "organisation").column("name")
                .from("engagement_organisations").join("organisations", on: SQLColumn("organisation_id"), .equal, SQLColumn("id", table: "organisations"))
                .where(SQLColumn("engagement_id"), .in, SQLBind.group(ids)).all() {
                names[try row.decode(column: "engagement_id", as: UUID.self), default: []]
                    .append(Named(id: try row.decode(column: "organisation", as: UUID.self), name: try row.decode(column: "name", as: String.self)))
            }
            let byID = Dictionary(uniqueKeysWithValues: try clusters.map { (try $0.requireID(), $0.name) })
            for row in try await sql.select().columns("engagement_id", "cluster_id").from("engagement_clusters").where(SQLColumn("engagement_id"), .in, SQLBind.group(ids)).all() {
                clusterNames[try row.decode(column: "engagement_id", as: UUID.self), default: []].append(byID[try row.decode(column: "cluster_id", as: UUID.self)] ?? "")
            }
        }
        return Model(filter: filter, rows: try engagements.map { engagement in
            let id = try engagement.requireID()
            return Row(id: id, date: engagement.date, kind: engagement.kind, clusters: (clusterNames[id] ?? []).sorted(),
                       organisations: (names[id] ?? []).sorted { $0.name < $1.name })
        }, total: total, clusters: clusters.map { ($0.key, $0.name) }, mayEdit: mayEdit)
    }
}
