import Analysis
import Fluent
import Foundation
import Vapor
import SQLKit

/// One cluster: its definition (SBI codes, organisations added and excluded) and its economy in the
/// chosen area and period: jobs per year, growth, share, location quotient, fast growers and the
/// largest employers, linked to the register and to Relaties.
enum ClusterPage {
    /// An enterprise the page names: its KvK number, its name in the register, and its organisation in Relaties.
    struct Enterprise: Sendable, Equatable {
        let kvk: String
        let name: String
        let jobs: Int
        let organisation: UUID?
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let key: String
        let name: String
        let isGrowthCluster: Bool
        let archivedOn: String?
        /// Each SBI prefix with its label.
        let prefixes: [(code: String, label: String)]
        let added: [Named]
        let excluded: [Named]
        let figures: ClusterFigures
        let largest: [Enterprise]
        let fastGrowers: [Enterprise]
        /// The organisations actively involved today, those lapsing first; and the rule that decides it.
        let involvement: [EngagementService.Involvement]
        let rule: EngagementService.Rule
        /// Involvement that lapses before this day is about to end (in 60 days).
        let lapsingBefore: String
        /// The share of the cluster's jobs (latest year) in enterprises met in the last 24 months,
        /// and the largest ones not met.
        let visitCoverage: Double?
        /// The universities and universities of applied sciences among the actively involved.
        let higherEducation: [EngagementService.Involvement]
        let notMet: [Enterprise]
        let network: ClusterNetwork
        let mayEdit: Bool
        /// May record engagements.
        let mayRecord: Bool
        let isDemo: Bool

        static func == (lhs: Model, rhs: Model) -> Bool {
            lhs.key == rhs.key && lhs.selection == rhs.selection && lhs.figures == rhs.figures && lhs.added == rhs.added && lhs.excluded == rhs.excluded
        }
    }

    /// `register`: the clusters' register figures for the selection.
    static func query(_ cluster: Cluster, selection: MonitorSelection, register: ClusterRegister, mayEdit: Bool, mayRecord: Bool, on database: Database) async throws -> Model {
        let id = try cluster.requireID()
        guard let overview = try await ClusterOverview.compute([cluster], register: register, today: .today, on: database)[id] else {
            throw Abort(.notFound, reason: localized("Dit cluster heeft (nog) geen cijfers.", "This cluster has no figures (yet)."))
        }
        let figures = overview.figures
        let (added, excluded) = try await ClusterService(database: database, actor: .system).members(of: id)
        let named = { (ids: [UUID]) async throws -> [Named] in
            ids.isEmpty ? [] : try await Organisation.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all().map { Named(id: try $0.requireID(), name: $0.name) }
        }
        let reference = try ReferenceData.shared.get()
        let labels = Dictionary(reference.sbiCodes.map { ($0.code, localized($0.labelNL, $0.labelEN)) }, uniquingKeysWith: { first, _ in first })
        let kvks = Array(Set(figures.largest.map(\.kvk) + figures.fastGrowers + overview.notMet))
        let names = try await enterpriseNames(kvks, year: selection.to, on: database)
        let organisations = try await OrganisationService.organisations(kvk: kvks, establishments: [], on: database)
        let enterprise = { (kvk: String) in
            Enterprise(kvk: kvk, name: names[kvk] ?? kvk, jobs: Int64(kvk).flatMap { figures.jobsByEnterprise[$0] } ?? 0, organisation: organisations.byKvK[kvk])
        }
        return Model(selection: selection, key: cluster.key, name: cluster.name, isGrowthCluster: cluster.isGrowthCluster, archivedOn: cluster.archivedOn,
                     prefixes: cluster.prefixes.map { ($0, labels[$0] ?? labels[SBI.dotted($0)] ?? "") },
                     added: try await named(added), excluded: try await named(excluded), figures: figures,
                     largest: figures.largest.map { enterprise($0.kvk) }, fastGrowers: figures.fastGrowers.map(enterprise),
                     involvement: overview.involvement, rule: overview.rule, lapsingBefore: EngagementService.monthsLater(.today, 2).text,
                     visitCoverage: overview.visitCoverage, higherEducation: overview.higherEducation, notMet: overview.notMet.map(enterprise),
                     network: overview.network, mayEdit: mayEdit, mayRecord: mayRecord, isDemo: try await Setting.isDemo(on: database))
    }

    /// The register's name of each enterprise in a year: that of its largest establishment.
    static func enterpriseNames(_ kvks: [String], year: Int, on database: Database) async throws -> [String: String] {
        guard !kvks.isEmpty else { return [:] }
        let rows = try await (database as! any SQLDatabase).select().columns("kvk_number", "name", "jobs_full_time", "jobs_part_time").from("register_records")
            .where("year", .equal, year).where("kvk_number", .in, kvks).all()
        var best: [String: (jobs: Int, name: String)] = [:]
        for row in rows {
            let kvk = try row.decode(column: "kvk_number", as: String.self), name = try row.decode(column: "name", as: String.self)
            let jobs = try row.decode(column: "jobs_full_time", as: Int.self) + row.decode(column: "jobs_part_time", as: Int.self)
            if (best[kvk]?.jobs ?? -1) < jobs { best[kvk] = (jobs, name) }
        }
        return best.mapValues(\.name)
    }
}
