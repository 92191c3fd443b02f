import Fluent
import SQLKit

/// Region membership is configuration (`AppConfig.region`), not a column: the flag that
/// 0002 wrote for one particular region goes.
struct DropRegionFlag: AsyncMigration {
    var name: String { "0024_DropRegionFlag" }

    func prepare(on database: Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE municipalities DROP COLUMN regio_zwolle").run()
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE municipalities ADD COLUMN regio_zwolle BOOLEAN NOT NULL DEFAULT false").run()
        try await sql.update("municipalities").set("regio_zwolle", to: SQLLiteral.boolean(true))
            .where("code", .in, SQLBind.group(AppConfig.Region.zwolle.members)).run()
    }
}
