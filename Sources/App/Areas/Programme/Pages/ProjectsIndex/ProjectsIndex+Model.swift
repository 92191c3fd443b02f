import Analysis
import Fluent
import Foundation
import SQLKit
import Vapor

/// Programma > Projecten: the projects by phase, filtered by phase, cluster and goal; also as CSV.
enum ProjectsIndex {
    struct Filter: Sendable, Equatable {
        var phase: Project.Phase?
        /// A cluster's key.
        var cluster: String?
        /// A goal's key.
        var goal: String?

        var parameters: [(String, String?)] { [("fase", phase?.rawValue), ("cluster", cluster), ("doel", goal)] }
    }

    struct Row: Sendable, Equatable {
        let id: UUID
        let name: String
        let phase: Project.Phase
        let phaseSince: String
        let lead: String?
        let leadPerson: String?
        let clusters: [String]
        let goals: [String]
        let budgetTotal: Double?
        let budgetMunicipal: Double?
        let fundingSources: String?
        let startsOn: String?
        let endsOn: String?
        let mustInclude: Bool
        /// The next open milestone.
        let nextMilestone: (what: String, dueOn: String)?

        static func == (lhs: Row, rhs: Row) -> Bool { lhs.id == rhs.id && lhs.name == rhs.name && lhs.phase == rhs.phase }
    }

    struct Model: Sendable {
        let filter: Filter
        let rows: [Row]
        let clusters: [(key: String, name: String)]
        let goals: [(key: String, name: String)]
        let mayEdit: Bool
    }

    static func query(_ filter: Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        let clusters = try await ClusterService.all(archived: true, on: database)
        let goals = try await GoalService.all(on: database)
        var criteria = ProjectService.Filter(phase: filter.phase)
        if let key = filter.cluster {
            guard let cluster = clusters.first(where: { $0.key == key }) else {
                throw Abort(.badRequest, reason: localized("Het cluster '\(key.prefix(40))' bestaat niet; kies \(clusters.map(\.key).joined(separator: ", ")).",
                                                           "The cluster '\(key.prefix(40))' does not exist; pick \(clusters.map(\.key).joined(separator: ", "))."))
            }
            criteria.cluster = try cluster.requireID()
        }
        if let key = filter.goal {
            guard let goal = goals.first(where: { $0.key == key }) else {
                throw Abort(.badRequest, reason: localized("Het doel '\(key.prefix(40))' bestaat niet; kies \(goals.map(\.key).joined(separator: ", ")).",
                                                           "The goal '\(key.prefix(40))' does not exist; pick \(goals.map(\.key).joined(separator: ", "))."))
            }
            criteria.goal = try goal.requireID()
        }
        let projects = try await ProjectService(database: database, actor: .system).query(criteria).with(\.$leadOrganisation).with(\.$leadPerson).all()
        let ids = try projects.map { try $0.requireID() }
        let links = try await ProjectService.links(of: ids, on: database)
        let clusterNames = Dictionary(uniqueKeysWithValues: try clusters.map { (try $0.requireID(), $0.name) })
        let goalTitles = Dictionary(uniqueKeysWithValues: try goals.map { (try $0.requireID(), $0.title) })
        var next: [UUID: (what: String, dueOn: String)] = [:]
        for milestone in try await Milestone.query(on: database).filter(\.$project.$id ~~ ids).filter(\.$doneOn == nil).sort(\.$dueOn).all()
        where next[milestone.$project.id] == nil {
            next[milestone.$project.id] = (milestone.what, milestone.dueOn)
        }
        let phases = Project.Phase.allCases
        let rows = try projects.map { project in
            let id = try project.requireID()
            return Row(id: id, name: project.name, phase: project.phase, phaseSince: project.phaseSince, lead: project.leadOrganisation?.name,
                       leadPerson: project.leadPerson?.name,
                       clusters: (links[id]?[.clusters] ?? []).compactMap { clusterNames[$0] }.sorted(),
                       goals: (links[id]?[.goals] ?? []).compactMap { goalTitles[$0] }.sorted(),
                       budgetTotal: project.budgetTotal, budgetMunicipal: project.budgetMunicipal, fundingSources: project.fundingSources,
                       startsOn: project.startsOn, endsOn: project.endsOn, mustInclude: project.mustInclude, nextMilestone: next[id])
        }.sorted { (phases.firstIndex(of: $0.phase)!, $0.name) < (phases.firstIndex(of: $1.phase)!, $1.name) }
        return Model(filter: filter, rows: rows, clusters: clusters.map { ($0.key, $0.name) }, goals: goals.map { ($0.key, $0.title) }, mayEdit: mayEdit)
    }

    static func csv(_ model: Model) -> String {
        let header = "id,naam,fase,fase_sinds,trekker_organisatie,trekker,clusters,doelen,budget_totaal,budget_gemeente,financiering,start,einde,moet_mee"
        return ([header] + model.rows.map { row in
            [row.id.uuidString, CSVCell.text(row.name), row.phase.rawValue, row.phaseSince, CSVCell.text(row.lead ?? ""), CSVCell.text(row.leadPerson ?? ""),
             CSVCell.text(row.clusters.joined(separator: "; ")), CSVCell.text(row.goals.joined(separator: "; ")),
             row.budgetTotal.map(Format.plain) ?? "", row.budgetMunicipal.map(Format.plain) ?? "", CSVCell.text(row.fundingSources ?? ""),
             row.startsOn ?? "", row.endsOn ?? "", String(row.mustInclude)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }
}
