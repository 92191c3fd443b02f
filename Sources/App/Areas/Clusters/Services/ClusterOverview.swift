import Analysis
import Fluent
import Foundation
import SQLKit

/// Everything the strategy asks of one cluster, computed in one place for its page and the API:
/// its economy (`ClusterFigures`), who is actively involved, whether a university or university of
/// applied sciences is among them, the share of its jobs in enterprises met in the last 24 months,
/// and its collaboration network with the key players.
struct ClusterOverview: Sendable {
    let cluster: UUID
    let figures: ClusterFigures
    let rule: EngagementService.Rule
    /// Actively involved today, those lapsing first.
    let involvement: [EngagementService.Involvement]
    /// The universities and universities of applied sciences among them.
    let higherEducation: [EngagementService.Involvement]
    /// The share of the cluster's jobs (last year) in enterprises met in the last `visitMonths` months.
    let visitCoverage: Double?
    /// The largest enterprises of the cluster (KvK numbers) not met, at most ten.
    let notMet: [String]
    let network: ClusterNetwork

    static let visitMonths = 24

    /// The overview of every given cluster for the area and period of `register`; what they share
    /// (the rule, who was met, the network's sources) is read once.
    static func compute(_ clusters: [Cluster], register: ClusterRegister, today: CalendarDay, on database: Database) async throws -> [UUID: ClusterOverview] {
        let ids = try clusters.map { try $0.requireID() }
        let rule = try await EngagementService.Rule.current(on: database)
        let involvement = try await EngagementService(database: database, actor: .system).involvement(in: ids, today: today, rule: rule)
        let involved = Array(Set(involvement.values.flatMap { $0.map(\.organisation.id) }))
        let levels = try await EngagementService.educationLevels(of: involved, on: database)
        let met = try await metEnterprises(today: today, on: database)
        let sources = try await ClusterNetwork.Sources.load(today: today, on: database)
        var result: [UUID: ClusterOverview] = [:]
        for id in ids {
            guard let figures = register.figures[id] else { continue }
            let (coverage, notMet) = visitCoverage(figures, met: met)
            let rows = involvement[id] ?? []
            result[id] = ClusterOverview(
                cluster: id, figures: figures, rule: rule, involvement: rows,
                higherEducation: EngagementService.higherEducation(among: rows, levels: levels),
                visitCoverage: coverage, notMet: notMet,
                network: try await ClusterNetwork.build(cluster: id, figures: figures, register: register, sources: sources, today: today, on: database))
        }
        return result
    }

    /// The enterprises (KvK numbers) an account manager met in the last `visitMonths` months.
    static func metEnterprises(today: CalendarDay, on database: Database) async throws -> Set<Int64> {
        Set(try await ClusterService(database: database, actor: .system).metEnterprises(since: today.monthsEarlier(visitMonths)).compactMap { Int64($0) })
    }

    /// The share of the cluster's jobs (last year) in enterprises met, and the ten largest not met.
    static func visitCoverage(_ figures: ClusterFigures, met: Set<Int64>) -> (share: Double?, notMet: [String]) {
        let jobs = figures.jobsByEnterprise
        let total = jobs.values.reduce(0, +)
        let covered = jobs.filter { met.contains($0.key) }.values.reduce(0, +)
        let notMet = jobs.filter { !met.contains($0.key) }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10).map { RegisterPanel.kvkNumber($0.key) }
        return (total > 0 ? Double(covered) / Double(total) : nil, Array(notMet))
    }
}
