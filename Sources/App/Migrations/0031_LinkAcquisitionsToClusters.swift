import Fluent
import SQLKit

/// The attraction pipeline's cluster becomes a reference to a cluster (it was a fixed list of
/// four names), and a cluster can be archived (kept with its engagements, out of the lists).
struct LinkAcquisitionsToClusters: AsyncMigration {
    var name: String { "0031_LinkAcquisitionsToClusters" }

    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("acquisitions").field("cluster_id", .uuid, .references("clusters", "id", onDelete: .setNull)).update()
        for (old, key) in Acquisition.formerClusterValues {
            try await sql.update("acquisitions")
                .set("cluster_id", to: SQLSubquery.select { $0.column("id").from("clusters").where("key", .equal, key) })
                .where("cluster", .equal, old).run()
        }
        try await sql.raw("ALTER TABLE acquisitions DROP COLUMN cluster").run()
        try await database.schema("clusters").field("archived_on", .string).update()
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("clusters").deleteField("archived_on").update()
        try await sql.raw("ALTER TABLE acquisitions ADD COLUMN cluster TEXT").run()
        for (old, key) in Acquisition.formerClusterValues {
            try await sql.update("acquisitions").set("cluster", to: SQLBind(old))
                .where("cluster_id", .equal, SQLSubquery.select { $0.column("id").from("clusters").where("key", .equal, key) }).run()
        }
        try await sql.raw("ALTER TABLE acquisitions DROP COLUMN cluster_id").run()
    }
}
