import Fluent
import Foundation

/// Relaties > Onderwerpen: the editable list of topics of contact moments.
enum TopicsPage {
    struct Model: Sendable {
        let topics: [(id: UUID, name: String)]
        let problems: [FieldProblem]
        let mayEdit: Bool
    }

    static func query(problems: [FieldProblem], mayEdit: Bool, on database: Database) async throws -> Model {
        Model(topics: try await Topic.query(on: database).sort(\.$name).all().map { (try $0.requireID(), $0.name) }, problems: problems, mayEdit: mayEdit)
    }
}
