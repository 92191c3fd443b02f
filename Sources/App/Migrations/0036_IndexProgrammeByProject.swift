import Fluent
import SQLKit

/// The programme's records by project: the ranking reads every project with its scores, and a
/// project's page its scores, phases and milestones, which otherwise reads each table whole.
struct IndexProgrammeByProject: AsyncMigration {
    var name: String { "0036_IndexProgrammeByProject" }

    static let tables = ["project_scores", "project_phases", "project_milestones"]

    func prepare(on database: Database) async throws {
        for table in Self.tables {
            try await (database as! any SQLDatabase).create(index: "\(table)_project").on(table).column("project_id").run()
        }
    }

    func revert(on database: Database) async throws {
        for table in Self.tables {
            try await (database as! any SQLDatabase).drop(index: "\(table)_project").run()
        }
    }
}
