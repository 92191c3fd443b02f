import Analysis
import Fluent
import SQLKit
import Vapor

/// `/api/v1/clusters` (the clusters with their definition and figures) and `/api/v1/engagements`.
enum ClustersAPI {
    struct Cluster: Content {
        struct Involvement: Content {
            let count: Int
            let target: Int?
            let organisations: [Organisation]
        }
        struct Organisation: Content {
            let id: UUID
            let name: String
            let latest: String
            let lapsesOn: String
            enum CodingKeys: String, CodingKey { case id, name, latest, lapsesOn = "lapses_on" }
        }

        let key: String
        let name: String
        let nameNL: String
        let nameEN: String
        let growthCluster: Bool
        let sbiPrefixes: [String]
        let membersAdded: [UUID]
        let membersExcluded: [UUID]
        let area: String
        let year: Int
        let jobs: Int
        let establishments: Int
        let activeInvolvement: Involvement

        enum CodingKeys: String, CodingKey {
            case key, name, area, year, jobs, establishments
            case nameNL = "name_nl", nameEN = "name_en", growthCluster = "growth_cluster", sbiPrefixes = "sbi_prefixes"
            case membersAdded = "members_added", membersExcluded = "members_excluded", activeInvolvement = "active_involvement"
        }
    }

    /// `GET /api/v1/clusters?area=GM0193&year=2024`: every cluster.
    static func list(_ request: Request) async throws -> [Cluster] {
        let clusters = try await ClusterService.all(on: request.db)
        return try await describe(clusters, request: request)
    }

    /// `GET /api/v1/clusters/:id` (the key).
    static func show(_ request: Request) async throws -> Cluster {
        guard let key = request.parameters.get("id") else { throw Abort(.notFound) }
        let cluster = try await ClusterService.find(key: key, on: request.db)
        return try await describe([cluster], request: request)[0]
    }

    private static func describe(_ clusters: [App.Cluster], request: Request) async throws -> [Cluster] {
        let config = request.application.config
        let (area, _, municipalities) = try MonitorSelection.area(request.query[String.self, at: "area"] ?? config.area, region: config.region)
        let generation = try await ViewCache.generation(on: request.db)
        let panel = try await request.application.viewCache.panel(generation: generation, on: request.db)
        let scope = Area(municipalities: Set(municipalities))
        let years = panel.years(in: scope)
        guard let last = years.last else { throw Abort(.notFound, reason: localized("Er zijn geen registergegevens voor \(area).", "There is no register data for \(area).")) }
        let year = try request.integer("year", in: QueryLimit.year) ?? last
        guard years.contains(year) else {
            throw Abort(.badRequest, reason: localized("Voor \(year) zijn er geen registergegevens; kies een jaar tussen \(years.first!) en \(last).",
                                                       "There is no register data for \(year); pick a year between \(years.first!) and \(last)."))
        }
        let service = ClusterService(database: request.db, actor: .system)
        let definitions = try await service.definitions(clusters)
        let rule = try await EngagementService.Rule.current(on: request.db)
        let involvement = try await EngagementService(database: request.db, actor: .system).involvement(in: clusters.compactMap(\.id), today: .today, rule: rule)
        var result: [Cluster] = []
        for cluster in clusters {
            let id = try cluster.requireID()
            let counts = panel.counts(in: scope, year: year, cluster: definitions[id]!)
            let members = try await service.members(of: id)
            let involved = involvement[id] ?? []
            result.append(Cluster(
                key: cluster.key, name: cluster.name, nameNL: cluster.nameNL, nameEN: cluster.nameEN, growthCluster: cluster.isGrowthCluster,
                sbiPrefixes: cluster.prefixes, membersAdded: members.added, membersExcluded: members.excluded, area: area, year: year,
                jobs: counts.jobs, establishments: counts.establishments,
                activeInvolvement: .init(count: involved.count, target: cluster.isGrowthCluster ? App.Cluster.involvementGoal : nil,
                                         organisations: involved.map { .init(id: $0.organisation.id, name: $0.organisation.name, latest: $0.latest, lapsesOn: $0.lapsesOn) })))
        }
        return result
    }
}

/// `/api/v1/engagements`: list (filters `cluster`, `kind`, `organisation`, `from`, `to`), read, create, change, delete.
enum EngagementsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let date: String
        let kind: String
        let clusters: [String]
        let organisations: [UUID]
        let people: [UUID]
        let notes: String?
    }

    static let path = "engagements"

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Engagement], total: Int) {
        var query = Engagement.query(on: request.db)
        if let from = try request.day("from") { query = query.filter(\.$date >= from.text) }
        if let to = try request.day("to") { query = query.filter(\.$date <= to.text) }
        if let kind = try request.choice("kind", as: Engagement.Kind.self) { query = query.filter(\.$kind == kind) }
        if let key = request.query[String.self, at: "cluster"], !key.isEmpty {
            let id = try await ClusterService.find(key: key, on: request.db).requireID()
            query = query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: Engagement.schema), .in,
                                                          SQLSubquery.select { $0.column("engagement_id").from("engagement_clusters").where("cluster_id", .equal, id) })))
        }
        if let organisation = try request.uuid("organisation") {
            query = query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: Engagement.schema), .in,
                                                          SQLSubquery.select { $0.column("engagement_id").from("engagement_organisations").where("organisation_id", .equal, organisation) })))
        }
        let total = try await query.count()
        return (try await query.sort(\.$date, .descending).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Engagement { try await EngagementService.find(id, on: database) }

    static func dtos(_ records: [Engagement], request: Request) async throws -> [DTO] {
        let service = EngagementService(database: request.db, actor: .system)
        let keys = Dictionary(uniqueKeysWithValues: try await App.Cluster.query(on: request.db).all().map { (try $0.requireID(), $0.key) })
        var result: [DTO] = []
        for engagement in records {
            let links = try await service.links(of: engagement.requireID())
            result.append(DTO(id: try engagement.requireID(), date: engagement.date, kind: engagement.kind.rawValue,
                              clusters: (links[.clusters] ?? []).compactMap { keys[$0] }.sorted(), organisations: links[.organisations] ?? [],
                              people: links[.people] ?? [], notes: engagement.notes))
        }
        return result
    }

    static func input(of record: Engagement, on database: Database) async throws -> EngagementInput {
        let links = try await EngagementService(database: database, actor: .system).links(of: record.requireID())
        let list = { (ids: [UUID]?) in TextList((ids ?? []).map(\.uuidString)) }
        return EngagementInput(date: record.date, kind: record.kind.rawValue, clusters: list(links[.clusters]), organisations: list(links[.organisations]),
                               people: list(links[.people]), notes: record.notes)
    }

    static func create(_ input: EngagementInput, request: Request) async throws -> Engagement {
        try await EngagementService(database: request.db, actor: request.auditActor).save(try input.validated(clusters: try await ClusterService.idsByKey(on: request.db)))
    }

    static func update(_ record: Engagement, with input: EngagementInput, request: Request) async throws {
        try await EngagementService(database: request.db, actor: request.auditActor).save(try input.validated(clusters: try await ClusterService.idsByKey(on: request.db)), to: record)
    }

    static func delete(_ record: Engagement, request: Request) async throws {
        try await EngagementService(database: request.db, actor: request.auditActor).delete(record)
    }
}
