import Analysis
import Fluent
import Foundation

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

    static func compute(_ cluster: Cluster, area: Area, from: Int, to: Int, panel: RegisterPanel, today: CalendarDay, on database: Database) async throws -> ClusterOverview {
        let service = ClusterService(database: database, actor: .system)
        let id = try cluster.requireID()
        let definition = try await service.definitions([cluster])[id]!
        let figures = ClusterFigures.compute(definition, panel: panel, area: area, from: from, to: to,
                                             nationalDivisions: try await RegisterStore(database).nationalDivisionJobs(year: to))
        let rule = try await EngagementService.Rule.current(on: database)
        let involvement = try await EngagementService(database: database, actor: .system).involvement(in: [id], today: today, rule: rule)[id] ?? []
        let levels = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: database).filter(\.$id ~~ involvement.map(\.organisation.id)).all()
            .map { (try $0.requireID(), $0.educationLevel) })
        let met = try await service.metEnterprises(since: today.monthsEarlier(visitMonths))
        let jobs = figures.jobsByEnterprise
        let total = jobs.values.reduce(0, +)
        let covered = jobs.filter { met.contains(RegisterPanel.kvkNumber($0.key)) }.values.reduce(0, +)
        let notMet = jobs.filter { !met.contains(RegisterPanel.kvkNumber($0.key)) }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
            .map { RegisterPanel.kvkNumber($0.key) }
        return ClusterOverview(
            cluster: id, figures: figures, rule: rule, involvement: involvement,
            higherEducation: involvement.filter { levels[$0.organisation.id]??.isHigherEducation == true },
            visitCoverage: total > 0 ? Double(covered) / Double(total) : nil, notMet: Array(notMet),
            network: try await ClusterNetwork.build(cluster: id, figures: figures, panel: panel, area: area, today: today, on: database))
    }
}
