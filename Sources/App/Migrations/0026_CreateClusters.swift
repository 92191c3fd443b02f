import Fluent
import Foundation
import SQLKit

/// The clusters of the strategy as data, with the organisations added to or excluded from each.
/// The four of the Economisch Perspectief are the defaults, with the SBI suggestion of
/// ../shared/reference/zwolle-strategy.json (not in the document itself: a start for users to edit).
struct CreateClusters: AsyncMigration {
    var name: String { "0026_CreateClusters" }

    static let defaults: [(key: String, nl: String, en: String, growth: Bool, sbi: [String])] = [
        ("ict-ecommerce", "ICT & E-commerce", "ICT & E-commerce", true, ["58.2", "61", "62", "63", "47.91"]),
        ("health", "Health", "Health", true, ["21", "26.6", "32.5", "46.46", "86", "87", "88.1", "72.11"]),
        ("creatief-maak", "Creatieve en slimme (maak-)industrie", "Creative & smart manufacturing", true,
         ["58.1", "59", "60", "71.1", "73", "74.1", "90", "20.16", "22", "25", "26", "27", "28", "29", "30", "33"]),
        ("logistiek", "Logistiek", "Logistics", false, ["49.4", "50.4", "52", "53"]),
    ]

    func prepare(on database: Database) async throws {
        try await database.schema("clusters")
            .id()
            .field("key", .string, .required)
            .field("name_nl", .string, .required)
            .field("name_en", .string, .required)
            .field("growth_cluster", .bool, .required)
            .field("sbi_prefixes", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema("cluster_members")
            .field("cluster_id", .uuid, .required, .references("clusters", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            // true: added to the cluster; false: excluded from it.
            .field("included", .bool, .required)
            .compositeIdentifier(over: "cluster_id", "organisation_id")
            .create()
        // Rows written as SQL, not through the model: later migrations add columns the model knows.
        for cluster in Self.defaults {
            try await (database as! any SQLDatabase).insert(into: "clusters")
                .columns("id", "key", "name_nl", "name_en", "growth_cluster", "sbi_prefixes", "created_at", "updated_at")
                .values(SQLBind(UUID()), SQLBind(cluster.key), SQLBind(cluster.nl), SQLBind(cluster.en), SQLBind(cluster.growth),
                        SQLBind(cluster.sbi.joined(separator: " ")), SQLBind(Date()), SQLBind(Date()))
                .run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("cluster_members").delete()
        try await database.schema("clusters").delete()
    }
}
