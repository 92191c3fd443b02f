import Analysis
import Fluent
import Foundation

/// Groeiclusters: every cluster of the strategy with its jobs, growth and share in the chosen
/// area and period.
enum ClustersIndex {
    struct Row: Sendable, Equatable {
        let key: String
        let name: String
        let isGrowthCluster: Bool
        let prefixes: [String]
        let figures: ClusterFigures
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let rows: [Row]
        let mayEdit: Bool
        let isDemo: Bool
        /// Organisations actively involved today, per cluster key (not cached with the figures:
        /// engagements change without a new register).
        var involved: [String: Int] = [:]
        /// Archived clusters, by key and name.
        var archived: [Named.Keyed] = []
    }

    /// The number of organisations actively involved in each cluster today.
    static func involved(on database: Database) async throws -> [String: Int] {
        let clusters = try await Cluster.query(on: database).all()
        let rule = try await EngagementService.Rule.current(on: database)
        let involvement = try await EngagementService(database: database, actor: .system).involvement(in: clusters.compactMap(\.id), today: .today, rule: rule)
        return Dictionary(uniqueKeysWithValues: try clusters.map { ($0.key, involvement[try $0.requireID()]?.count ?? 0) })
    }

    static func archived(on database: Database) async throws -> [Named.Keyed] {
        try await Cluster.query(on: database).filter(\.$archivedOn != nil).sort(\.$nameNL).all().map { Named.Keyed(key: $0.key, name: $0.name) }
    }

    /// `register`: the clusters' register figures for the selection.
    static func query(_ selection: MonitorSelection, register: ClusterRegister, mayEdit: Bool, on database: Database) async throws -> Model {
        let rows = try await ClusterService.all(on: database).compactMap { cluster in
            try register.figures[cluster.requireID()].map {
                Row(key: cluster.key, name: cluster.name, isGrowthCluster: cluster.isGrowthCluster, prefixes: cluster.prefixes, figures: $0)
            }
        }
        return Model(selection: selection, rows: rows, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
