import Analysis
import Fluent
import Foundation
import Vapor

/// The register's side of every cluster in one area and period, computed once per data
/// generation (a change to a cluster's definition starts a new one) and shared by the pages and
/// the API: each cluster's figures, and the area's enterprises — their jobs at both ends of the
/// period and which are fast growers — that the networks' key players need.
struct ClusterRegister: Sendable {
    /// Per cluster id, archived ones included.
    let figures: [UUID: ClusterFigures]
    let jobsNow: [Int64: Int]
    let jobsThen: [Int64: Int]
    /// The area's enterprises that are high-growth (OECD) in the three years up to `to`.
    let fastGrowers: Set<Int64>

    /// From the cache of the current generation, or computed (and kept).
    static func load(area code: String, municipalities: [String], from: Int, to: Int, panel: RegisterPanel,
                     cache: ViewCache, generation: String, on database: Database) async throws -> ClusterRegister {
        try await cache.value("clusterregister|\(code)|\(from)|\(to)", generation: generation) {
            try await compute(municipalities: municipalities, from: from, to: to, panel: panel, on: database)
        }
    }

    /// For a request: the panel, the generation and the cache of its application.
    static func load(_ selection: MonitorSelection, panel: RegisterPanel, request: Request) async throws -> ClusterRegister {
        try await load(area: selection.area, municipalities: selection.municipalities, from: selection.from, to: selection.to, panel: panel,
                       cache: request.application.viewCache, generation: try await request.dataState().generation, on: request.db)
    }

    static func compute(municipalities: [String], from: Int, to: Int, panel: RegisterPanel, on database: Database) async throws -> ClusterRegister {
        let clusters = try await Cluster.query(on: database).all()
        let definitions = try await ClusterService(database: database, actor: .system).definitions(clusters)
        let national = try await RegisterStore(database).nationalDivisionJobs(year: to)
        let area = Area(municipalities: Set(municipalities))
        let fastGrowers = Set(panel.highGrowthUnits(in: area, endYear: to).compactMap { Int64($0.id) })
        var figures: [UUID: ClusterFigures] = [:]
        for cluster in clusters {
            let id = try cluster.requireID()
            figures[id] = ClusterFigures.compute(definitions[id]!, panel: panel, area: area, from: from, to: to, fastGrowers: fastGrowers, nationalDivisions: national)
        }
        return ClusterRegister(figures: figures, jobsNow: panel.jobsByEnterprise(in: area, year: to), jobsThen: panel.jobsByEnterprise(in: area, year: from),
                               fastGrowers: fastGrowers)
    }
}
