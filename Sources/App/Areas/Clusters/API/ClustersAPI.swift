import Analysis
import Fluent
import SQLKit
import Vapor

/// `/api/v1/clusters` (the clusters with their definition and figures), `/api/v1/engagements` and `/api/v1/collaborations`.
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
        let archivedOn: String?
        let sbiPrefixes: [String]
        let membersAdded: [UUID]
        let membersExcluded: [UUID]
        struct University: Content {
            let active: Bool
            let organisations: [Organisation]
        }
        struct KeyPlayer: Content {
            let organisation: UUID
            let name: String
            let degree: Double
            let betweenness: Double
            let eigenvector: Double
            let jobs: Int
            let growth: Double?
            let fastGrower: Bool
            let score: Double
            /// The score's parts, each from 0 to 1 (`ClusterNetwork.Score`).
            let components: [String: Double]
            enum CodingKeys: String, CodingKey { case organisation, name, degree, betweenness, eigenvector, jobs, growth, score, components, fastGrower = "fast_grower" }
        }
        struct Link: Content {
            let first: UUID
            let second: UUID
            let kinds: [String]
            let strength: Int
            let sharedEngagements: Int
            enum CodingKeys: String, CodingKey { case first, second, kinds, strength, sharedEngagements = "shared_engagements" }
        }
        struct Coverage: Content {
            /// The share (0-1) of the cluster's jobs in enterprises met in the last `months` months.
            let share: Double?
            let months: Int
            /// KvK numbers of the largest enterprises not met.
            let notMet: [String]
            enum CodingKeys: String, CodingKey { case share, months, notMet = "not_met" }
        }

        let area: String
        let from: Int
        let year: Int
        let jobs: Int
        let establishments: Int
        let growth: Double?
        let activeInvolvement: Involvement
        let universityCollaboration: University
        let keyPlayers: [KeyPlayer]
        /// Every link of the cluster's network (the key players are its organisations ranked).
        let links: [Link]
        let visitCoverage: Coverage

        enum CodingKeys: String, CodingKey {
            case key, name, area, from, year, jobs, establishments, growth, links
            case nameNL = "name_nl", nameEN = "name_en", growthCluster = "growth_cluster", sbiPrefixes = "sbi_prefixes", archivedOn = "archived_on"
            case membersAdded = "members_added", membersExcluded = "members_excluded", activeInvolvement = "active_involvement"
            case universityCollaboration = "university_collaboration", keyPlayers = "key_players", visitCoverage = "visit_coverage"
        }
    }

    /// `GET /api/v1/clusters?area=GM0193&year=2024`: every cluster.
    static func list(_ request: Request) async throws -> [Cluster] {
        let clusters = try await ClusterService.all(archived: try request.flag("archived") ?? false, on: request.db)
        return try await describe(clusters, request: request)
    }

    /// `GET /api/v1/clusters/:id` (the key).
    static func show(_ request: Request) async throws -> Cluster {
        guard let key = request.parameters.get("id") else { throw Abort(.notFound) }
        let cluster = try await ClusterService.find(key: key, on: request.db)
        return try await describe([cluster], request: request)[0]
    }

    /// `POST /api/v1/clusters`: a new cluster (advisers and administrators).
    static func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ClusterInput.self)
        let values = try input.validated(sbiCodes: try ReferenceData.shared.get().sbiCodes.map(\.code))
        let cluster = try await ClusterService(database: request.db, actor: request.auditActor).save(values)
        let response = try await describe([cluster], request: request)[0].encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/clusters/\(cluster.key)")
        return response
    }

    /// `PUT /api/v1/clusters/:key` replaces the definition; `PATCH` changes the fields it gives.
    static func replace(_ request: Request) async throws -> Cluster {
        try await update(request) { _ in try request.content.decode(ClusterInput.self) }
    }

    static func change(_ request: Request) async throws -> Cluster {
        try await update(request) { stored in try Patch.merge(stored, with: try request.content.decode(ClusterInput.self)) }
    }

    private static func update(_ request: Request, input: (ClusterInput) throws -> ClusterInput) async throws -> Cluster {
        guard let key = request.parameters.get("id") else { throw Abort(.notFound) }
        let cluster = try await ClusterService.find(key: key, on: request.db)
        let service = ClusterService(database: request.db, actor: request.auditActor)
        let members = try await service.members(of: cluster.requireID())
        let values = try input(ClusterInput(cluster, added: members.added, excluded: members.excluded))
            .validated(sbiCodes: try ReferenceData.shared.get().sbiCodes.map(\.code))
        try await service.save(values, to: cluster)
        return try await describe([cluster], request: request)[0]
    }

    /// `DELETE /api/v1/clusters/:key`: `move_to=<key>` moves its engagements and acquisitions
    /// first; a cluster with engagements needs it, or `archive=true` archives the cluster instead.
    static func delete(_ request: Request) async throws -> HTTPStatus {
        guard let key = request.parameters.get("id") else { throw Abort(.notFound) }
        let cluster = try await ClusterService.find(key: key, on: request.db)
        let service = ClusterService(database: request.db, actor: request.auditActor)
        if try request.flag("archive") == true {
            try await service.archive(cluster)
            return .noContent
        }
        var target: App.Cluster?
        if let other = request.queryText("move_to"), !other.isEmpty {
            guard let found = try await ClusterService.all(on: request.db).first(where: { $0.key == other.lowercased() }) else {
                throw InvalidFields("move_to", localized("'\(other.prefix(40))' is geen cluster", "'\(other.prefix(40))' is not a cluster"))
            }
            target = found
        }
        do {
            try await service.delete(cluster, movingTo: target)
        } catch let error as InvalidFields where target == nil {
            // The cluster has engagements: the caller chooses where they go, or to archive.
            throw Abort(.conflict, reason: error.description + localized(" (move_to=<cluster> of archive=true)", " (move_to=<cluster> or archive=true)"))
        }
        return .noContent
    }

    private static func describe(_ clusters: [App.Cluster], request: Request) async throws -> [Cluster] {
        let config = request.application.config
        let (area, _, municipalities) = try MonitorSelection.area(request.queryText("area") ?? config.area, region: config.region)
        let generation = try await request.dataState().generation
        let panel = try await request.application.viewCache.panel(generation: generation, on: request.db)
        let scope = Area(municipalities: Set(municipalities))
        let years = panel.years(in: scope)
        guard let last = years.last else { throw Abort(.notFound, reason: localized("Er zijn geen registergegevens voor \(area).", "There is no register data for \(area).")) }
        let year = try request.integer("year", in: QueryLimit.year) ?? last
        guard years.contains(year) else {
            throw Abort(.badRequest, reason: localized("Voor \(year) zijn er geen registergegevens; kies een jaar tussen \(years.first!) en \(last).",
                                                       "There is no register data for \(year); pick a year between \(years.first!) and \(last)."))
        }
        let defaultFrom = years.filter { $0 < year }.first { $0 >= year - 10 } ?? year
        let from = try request.integer("from", in: QueryLimit.year) ?? defaultFrom
        guard years.contains(from), from <= year else {
            throw Abort(.badRequest, reason: localized("'from' moet een jaar met registergegevens zijn, niet na \(year).", "'from' must be a year with register data, not after \(year)."))
        }
        let service = ClusterService(database: request.db, actor: .system)
        let register = try await ClusterRegister.load(area: area, municipalities: municipalities, from: from, to: year, panel: panel,
                                                      cache: request.application.viewCache, generation: generation, on: request.db)
        let overviews = try await ClusterOverview.compute(clusters, register: register, today: .today, on: request.db)
        var result: [Cluster] = []
        for cluster in clusters {
            let id = try cluster.requireID()
            guard let overview = overviews[id] else { continue }
            let members = try await service.members(of: id)
            let organisations = { (rows: [EngagementService.Involvement]) in
                rows.map { Cluster.Organisation(id: $0.organisation.id, name: $0.organisation.name, latest: $0.latest, lapsesOn: $0.lapsesOn) }
            }
            result.append(Cluster(
                key: cluster.key, name: cluster.name, nameNL: cluster.nameNL, nameEN: cluster.nameEN, growthCluster: cluster.isGrowthCluster, archivedOn: cluster.archivedOn,
                sbiPrefixes: cluster.prefixes, membersAdded: members.added, membersExcluded: members.excluded, area: area, from: from, year: year,
                jobs: overview.figures.jobs, establishments: overview.figures.establishments, growth: overview.figures.growth,
                activeInvolvement: .init(count: overview.involvement.count, target: cluster.isGrowthCluster ? App.Cluster.involvementGoal : nil,
                                         organisations: organisations(overview.involvement)),
                universityCollaboration: .init(active: !overview.higherEducation.isEmpty, organisations: organisations(overview.higherEducation)),
                keyPlayers: overview.network.nodes.map { node in
                    .init(organisation: node.organisation.id, name: node.organisation.name, degree: node.degree, betweenness: node.betweenness,
                          eigenvector: node.eigenvector, jobs: node.jobs, growth: node.growth, fastGrower: node.isFastGrower, score: node.score.total,
                          components: ["centrality": node.score.centrality, "jobs": node.score.jobs, "growth": node.score.growth, "fast_grower": node.score.fastGrower])
                },
                links: overview.network.links.map { .init(first: $0.first, second: $0.second, kinds: $0.kinds.map(\.rawValue), strength: $0.strength,
                                                          sharedEngagements: $0.sharedEngagements) },
                visitCoverage: .init(share: overview.visitCoverage, months: ClusterOverview.visitMonths, notMet: overview.notMet)))
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
    static let noun = "engagement"
    static let filters: [APIParameter] = [
        .text("cluster", "A cluster's key."),
        .choice("kind", "The kind of engagement.", Engagement.Kind.self),
        .id("organisation", "Engagements of this organisation."),
        .day("from", "From this day."),
        .day("to", "Up to and including this day."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Engagement], total: Int) {
        var query = Engagement.query(on: request.db)
        if let from = try request.day("from") { query = query.filter(\.$date >= from.text) }
        if let to = try request.day("to") { query = query.filter(\.$date <= to.text) }
        if let kind = try request.choice("kind", as: Engagement.Kind.self) { query = query.filter(\.$kind == kind) }
        if let cluster = try await request.named("cluster", find: { try await ClusterService.find(key: $0, on: request.db) }) {
            let id = try cluster.requireID()
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
        let service = EngagementService(database: request.db, actor: request.auditActor)
        try await service.save(try input.validated(clusters: try await service.clusters(for: record)), to: record)
    }

    static func delete(_ record: Engagement, request: Request) async throws {
        try await EngagementService(database: request.db, actor: request.auditActor).delete(record)
    }
}

/// `/api/v1/collaborations`: list (filters `organisation`, `kind`, `current=true`), read, create, change, delete.
enum CollaborationsResource: APIResource {
    struct DTO: Content {
        let id: UUID
        let first: UUID
        let second: UUID
        let kind: String
        let strength: Int
        let startedOn: String?
        let endedOn: String?
        let current: Bool
        let notes: String?
        enum CodingKeys: String, CodingKey { case id, first, second, kind, strength, current, notes, startedOn = "started_on", endedOn = "ended_on" }
    }

    static let path = "collaborations"
    static let noun = "collaboration"
    static let filters: [APIParameter] = [
        .id("organisation", "Collaborations of this organisation (either side)."),
        .choice("kind", "The kind of collaboration.", Collaboration.Kind.self),
        .flag("current", "Only those running today."),
    ]

    static func list(_ request: Request, page: Int, size: Int) async throws -> (records: [Collaboration], total: Int) {
        var query = Collaboration.query(on: request.db)
        if let organisation = try request.uuid("organisation") {
            query = query.group(.or) { $0.filter(\.$first.$id == organisation).filter(\.$second.$id == organisation) }
        }
        if let kind = try request.choice("kind", as: Collaboration.Kind.self) { query = query.filter(\.$kind == kind) }
        if try request.flag("current") == true { query = query.running(on: CalendarDay.today.text) }
        let total = try await query.count()
        return (try await query.sort(\.$startedOn, .descending).sort(\.$id).page(page, size: size).all(), total)
    }

    static func find(_ id: UUID, on database: Database) async throws -> Collaboration { try await CollaborationService.find(id, on: database) }

    static func dtos(_ records: [Collaboration], request: Request) async throws -> [DTO] {
        let today = CalendarDay.today.text
        return try records.map {
            DTO(id: try $0.requireID(), first: $0.$first.id, second: $0.$second.id, kind: $0.kind.rawValue, strength: $0.strength,
                startedOn: $0.startedOn, endedOn: $0.endedOn, current: $0.isCurrent(on: today), notes: $0.notes)
        }
    }

    static func input(of record: Collaboration, on database: Database) async throws -> CollaborationInput { CollaborationInput(record) }

    static func create(_ input: CollaborationInput, request: Request) async throws -> Collaboration {
        try await CollaborationService(database: request.db, actor: request.auditActor).save(try input.validated())
    }

    static func update(_ record: Collaboration, with input: CollaborationInput, request: Request) async throws {
        try await CollaborationService(database: request.db, actor: request.auditActor).save(try input.validated(), to: record)
    }

    static func delete(_ record: Collaboration, request: Request) async throws {
        try await CollaborationService(database: request.db, actor: request.auditActor).delete(record)
    }
}
