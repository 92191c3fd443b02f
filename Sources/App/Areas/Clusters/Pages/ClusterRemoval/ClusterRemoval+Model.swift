import Fluent
import Foundation

/// Groeiclusters > a cluster deleted or archived: what names it (engagements, acquisitions), and
/// the choice to move those to another cluster and delete it, or to archive it and keep them.
enum ClusterRemoval {
    struct Model: Sendable, Equatable {
        let key: String
        let name: String
        let archivedOn: String?
        let engagements: Int
        let acquisitions: Int
        /// The clusters to move to.
        let others: [Named.Keyed]
        let problems: [FieldProblem]
    }

    static func query(_ cluster: Cluster, problems: [FieldProblem], on database: Database) async throws -> Model {
        let (engagements, acquisitions) = try await ClusterService(database: database, actor: .system).dependants(of: try cluster.requireID())
        return Model(key: cluster.key, name: cluster.name, archivedOn: cluster.archivedOn, engagements: engagements, acquisitions: acquisitions,
                     others: try await ClusterService.all(on: database).filter { $0.id != cluster.id }.map { Named.Keyed(key: $0.key, name: $0.name) },
                     problems: problems)
    }
}
