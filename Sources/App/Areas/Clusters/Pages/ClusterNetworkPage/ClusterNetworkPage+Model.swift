import Analysis
import Fluent
import Foundation

/// One cluster's collaboration network: the drawing, the key players with every part of their
/// score, and the links as a table, for the chosen area and period.
enum ClusterNetworkPage {
    /// The drawing shows at most this many organisations (the tables all of them).
    static let drawnNodes = 40

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let key: String
        let name: String
        let network: ClusterNetwork
        /// May record collaborations.
        let mayRecord: Bool
        let isDemo: Bool
    }

    static func query(_ cluster: Cluster, selection: MonitorSelection, panel: RegisterPanel, mayRecord: Bool, on database: Database) async throws -> Model {
        let id = try cluster.requireID()
        let area = Area(municipalities: Set(selection.municipalities))
        let definition = try await ClusterService(database: database, actor: .system).definitions([cluster])[id]!
        let figures = ClusterFigures.compute(definition, panel: panel, area: area, from: selection.from, to: selection.to, nationalDivisions: [:])
        return Model(selection: selection, key: cluster.key, name: cluster.name,
                     network: try await ClusterNetwork.build(cluster: id, figures: figures, panel: panel, area: area, today: .today, on: database),
                     mayRecord: mayRecord, isDemo: try await Setting.isDemo(on: database))
    }
}
