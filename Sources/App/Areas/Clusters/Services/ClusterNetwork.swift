import Analysis
import Fluent
import Foundation
import SQLKit

/// A cluster's collaboration network: the organisations of the cluster and their partners, linked
/// by collaborations entered directly (running today) and by engagements of the cluster they
/// shared in the last 24 months; each organisation's centrality (degree, betweenness, eigenvector,
/// from `Analysis`), and the key players ranked by a score the page explains.
struct ClusterNetwork: Sendable, Equatable {
    /// How an organisation's key-player score is made: each component from 0 to 1, weighted.
    struct Score: Sendable, Equatable {
        /// The mean of its degree, betweenness and eigenvector centrality, each divided by the network's highest.
        let centrality: Double
        /// Its jobs on a log scale, the network's largest employer 1.
        let jobs: Double
        /// The growth of its jobs over the period, 0 for none or shrinking, 1 for doubling or more.
        let growth: Double
        /// 1 for a fast grower (OECD), else 0.
        let fastGrower: Double

        static let weights = (centrality: 0.5, jobs: 0.25, growth: 0.15, fastGrower: 0.1)

        var total: Double {
            Self.weights.centrality * centrality + Self.weights.jobs * jobs + Self.weights.growth * growth + Self.weights.fastGrower * fastGrower
        }
    }

    struct Node: Sendable, Equatable {
        let organisation: Named
        let kind: Organisation.Kind
        let kvk: String?
        /// In the cluster (by its SBI code, as a member, or through an engagement), or a partner from outside it.
        let inCluster: Bool
        /// The enterprise's jobs in the area in the last year of the period (all its establishments).
        let jobs: Int
        let growth: Double?
        let isFastGrower: Bool
        let degree: Double
        let betweenness: Double
        let eigenvector: Double
        let score: Score
    }

    struct Link: Sendable, Equatable {
        let first: UUID
        let second: UUID
        /// The kinds of the collaborations entered directly (none when the link only comes from shared engagements).
        let kinds: [Collaboration.Kind]
        /// The sum of their strengths.
        let strength: Int
        let sharedEngagements: Int

        var weight: Int { strength + sharedEngagements }
    }

    /// Engagements shared within this many months make a link.
    static let engagementMonths = 24

    /// Ranked by score, highest first.
    let nodes: [Node]
    let links: [Link]

    var keyPlayers: ArraySlice<Node> { nodes.prefix(10) }

    /// What the networks of all clusters are made from, read once per request.
    struct Sources: Sendable {
        /// Each cluster's organisations added and excluded by hand.
        let members: [UUID: (added: [UUID], excluded: [UUID])]
        /// Each cluster's engagements: which organisations took part, and when.
        let engagements: [UUID: [(engagement: UUID, organisation: UUID, date: String)]]
        /// The organisations of Relaties with a KvK number.
        let registered: [(id: UUID, kvk: String)]
        /// The collaborations running today.
        let collaborations: [Collaboration]

        static func load(today: CalendarDay, on database: Database) async throws -> Sources {
            let sql = database as! any SQLDatabase
            var members: [UUID: (added: [UUID], excluded: [UUID])] = [:]
            for row in try await sql.select().columns("cluster_id", "organisation_id", "included").from("cluster_members").all() {
                let (cluster, organisation) = (try row.decode(column: "cluster_id", as: UUID.self), try row.decode(column: "organisation_id", as: UUID.self))
                if try row.decode(column: "included", as: Bool.self) { members[cluster, default: ([], [])].added.append(organisation) }
                else { members[cluster, default: ([], [])].excluded.append(organisation) }
            }
            var engagements: [UUID: [(engagement: UUID, organisation: UUID, date: String)]] = [:]
            for row in try await sql.select()
                .columns(SQLColumn("cluster_id", table: "engagement_clusters"), SQLColumn("engagement_id", table: "engagement_organisations"),
                         SQLColumn("organisation_id", table: "engagement_organisations"), SQLColumn("date", table: "engagements"))
                .from("engagement_organisations")
                .join("engagement_clusters", on: SQLColumn("engagement_id", table: "engagement_clusters"), .equal, SQLColumn("engagement_id", table: "engagement_organisations"))
                .join("engagements", on: SQLColumn("id", table: "engagements"), .equal, SQLColumn("engagement_id", table: "engagement_organisations")).all() {
                engagements[try row.decode(column: "cluster_id", as: UUID.self), default: []].append((
                    try row.decode(column: "engagement_id", as: UUID.self), try row.decode(column: "organisation_id", as: UUID.self),
                    try row.decode(column: "date", as: String.self)))
            }
            // Read whole: a cluster has thousands of enterprises, Relaties far fewer organisations with a KvK number.
            let registered = try await sql.select().columns("id", "kvk_number").from("organisations").where(SQLColumn("kvk_number"), .isNot, SQLLiteral.null).all()
                .map { (id: try $0.decode(column: "id", as: UUID.self), kvk: try $0.decode(column: "kvk_number", as: String.self)) }
            return Sources(members: members, engagements: engagements, registered: registered,
                           collaborations: try await Collaboration.query(on: database).running(on: today.text).all())
        }

        /// The organisations of Relaties that belong to a cluster: those added to it, those that
        /// took part in its engagements, and those whose enterprise (KvK number) has jobs in it;
        /// never those excluded. `enterprises`: the cluster's enterprises in the register.
        func organisations(in cluster: UUID, enterprises: Set<String>) -> Set<UUID> {
            let (added, excluded) = members[cluster] ?? ([], [])
            let engaged = (engagements[cluster] ?? []).map(\.organisation)
            return Set(added).union(engaged).union(registered.filter { enterprises.contains($0.kvk) }.map(\.id)).subtracting(excluded)
        }
    }

    /// `figures`: the cluster's figures for the area and period (which enterprises are in it);
    /// `register`: the area's enterprises at both ends of the period.
    static func build(cluster id: UUID, figures: ClusterFigures, register: ClusterRegister, sources: Sources,
                      today: CalendarDay, on database: Database) async throws -> ClusterNetwork {
        let excluded = Set(sources.members[id]?.excluded ?? [])
        let cluster = sources.organisations(in: id, enterprises: Set(figures.jobsByEnterprise.keys.map(RegisterPanel.kvkNumber)))
        let (since, until) = (today.monthsEarlier(engagementMonths).text, today.text)
        var byEngagement: [UUID: [UUID]] = [:]
        for row in sources.engagements[id] ?? [] where row.date > since && row.date <= until {
            byEngagement[row.engagement, default: []].append(row.organisation)
        }

        // Links: collaborations running today that touch the cluster, and pairs that shared an engagement.
        var links: [Pair: (kinds: [Collaboration.Kind], strength: Int, shared: Int)] = [:]
        for collaboration in sources.collaborations {
            let pair = Pair(collaboration.$first.id, collaboration.$second.id)
            guard pair.a != pair.b, cluster.contains(pair.a) || cluster.contains(pair.b), !excluded.contains(pair.a), !excluded.contains(pair.b) else { continue }
            links[pair, default: ([], 0, 0)].kinds.append(collaboration.kind)
            links[pair, default: ([], 0, 0)].strength += collaboration.strength
        }
        for organisations in byEngagement.values {
            let unique = Array(Set(organisations).subtracting(excluded)).sorted()
            for (index, a) in unique.enumerated() { for b in unique[(index + 1)...] { links[Pair(a, b), default: ([], 0, 0)].shared += 1 } }
        }

        let ids = Array(Set(links.keys.flatMap { [$0.a, $0.b] }))
        // The nodes' names, kinds and KvK numbers, read as plain rows (a whole model per node is slow).
        let organisations: [(id: UUID, name: String, kind: Organisation.Kind, kvk: String?)] = ids.isEmpty ? [] : try await (database as! any SQLDatabase)
            .select().columns("id", "name", "kind", "kvk_number").from(Organisation.schema).where("id", .in, SQLBind.group(ids)).all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self),
                    try $0.decode(column: "kind", as: Organisation.Kind.self), try $0.decode(column: "kvk_number", as: String?.self)) }
        let network = CollaborationNetwork(nodes: ids.map(\.uuidString), edges: links.keys.map { ($0.a.uuidString, $0.b.uuidString, 1) })
        let (degree, betweenness, eigenvector) = (network.degree(), network.betweenness(), network.eigenvector())
        let (jobsNow, jobsThen, fastGrowers) = (register.jobsNow, register.jobsThen, register.fastGrowers)
        let highest = { (values: [String: Double]) in max(values.values.max() ?? 0, 1e-12) }
        let (topDegree, topBetweenness, topEigenvector) = (highest(degree), highest(betweenness), highest(eigenvector))
        let enterprise = { (organisation: (id: UUID, name: String, kind: Organisation.Kind, kvk: String?)) in organisation.kvk.flatMap { Int64($0) } }
        let largest = organisations.compactMap { enterprise($0).flatMap { jobsNow[$0] } }.max() ?? 0
        let nodes = organisations.map { organisation -> Node in
            let id = organisation.id, key = id.uuidString
            let number = enterprise(organisation)
            let jobs = number.flatMap { jobsNow[$0] } ?? 0, before = number.flatMap { jobsThen[$0] } ?? 0
            let growth: Double? = before > 0 ? Double(jobs - before) / Double(before) : nil
            let isFastGrower = number.map(fastGrowers.contains) ?? false
            let (d, b, e) = (degree[key] ?? 0, betweenness[key] ?? 0, eigenvector[key] ?? 0)
            let score = Score(centrality: (d / topDegree + b / topBetweenness + e / topEigenvector) / 3,
                              jobs: largest > 0 ? log(1 + Double(jobs)) / log(1 + Double(largest)) : 0,
                              growth: min(max(growth ?? 0, 0), 1), fastGrower: isFastGrower ? 1 : 0)
            return Node(organisation: Named(id: id, name: organisation.name), kind: organisation.kind, kvk: organisation.kvk,
                        inCluster: cluster.contains(id), jobs: jobs, growth: growth, isFastGrower: isFastGrower,
                        degree: d, betweenness: b, eigenvector: e, score: score)
        }
        return ClusterNetwork(
            nodes: nodes.sorted { ($1.score.total, $0.organisation.name) < ($0.score.total, $1.organisation.name) },
            links: links.map { Link(first: $0.key.a, second: $0.key.b, kinds: $0.value.kinds.sorted { $0.rawValue < $1.rawValue },
                                    strength: $0.value.strength, sharedEngagements: $0.value.shared) }
                .sorted { ($1.weight, $0.first, $0.second) < ($0.weight, $1.first, $1.second) })
    }

    /// An unordered pair of organisations.
    private struct Pair: Hashable {
        let a: UUID, b: UUID
        init(_ x: UUID, _ y: UUID) { (a, b) = x < y ? (x, y) : (y, x) }
    }
}
