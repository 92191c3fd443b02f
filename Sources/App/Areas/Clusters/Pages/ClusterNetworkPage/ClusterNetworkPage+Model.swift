import Analysis
import Fluent
import Foundation
import Vapor

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

    /// `register`: the clusters' register figures for the selection.
    static func query(_ cluster: Cluster, selection: MonitorSelection, register: ClusterRegister, mayRecord: Bool, on database: Database) async throws -> Model {
        let id = try cluster.requireID()
        guard let figures = register.figures[id] else {
            throw Abort(.notFound, reason: localized("Dit cluster heeft (nog) geen cijfers.", "This cluster has no figures (yet)."))
        }
        let today = CalendarDay.today
        return Model(selection: selection, key: cluster.key, name: cluster.name,
                     network: try await ClusterNetwork.build(cluster: id, figures: figures, register: register,
                                                             sources: try await ClusterNetwork.Sources.load(today: today, on: database), today: today, on: database),
                     mayRecord: mayRecord, isDemo: try await Setting.isDemo(on: database))
    }
}
