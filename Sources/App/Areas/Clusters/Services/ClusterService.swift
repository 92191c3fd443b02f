import Analysis
import Fluent
import Foundation
import SQLKit
import Vapor

/// Clusters: saving one with its added and excluded organisations (audited; the cached figures
/// follow), and what the register needs to know of it (`definitions`).
struct ClusterService {
    let database: Database
    let actor: Audit.Actor

    var sql: any SQLDatabase { database as! any SQLDatabase }

    static func find(key: String, on database: Database) async throws -> Cluster {
        guard let cluster = try await Cluster.query(on: database).filter(\.$key == key.lowercased()).first() else {
            throw Abort(.notFound, reason: localized("Het cluster '\(key.prefix(40))' bestaat niet.", "The cluster '\(key.prefix(40))' does not exist."))
        }
        return cluster
    }

    /// Every cluster's id by its key (what forms and the API name clusters by).
    static func idsByKey(on database: Database) async throws -> [String: UUID] {
        Dictionary(uniqueKeysWithValues: try await Cluster.query(on: database).all().map { ($0.key, try $0.requireID()) })
    }

    /// All clusters: growth clusters first, then by name.
    static func all(on database: Database) async throws -> [Cluster] {
        try await Cluster.query(on: database).all().sorted { ($0.isGrowthCluster ? 0 : 1, $0.name) < ($1.isGrowthCluster ? 0 : 1, $1.name) }
    }

    @discardableResult
    func save(_ values: ClusterInput.Values, to cluster: Cluster = Cluster()) async throws -> Cluster {
        let isNew = cluster.id == nil
        if let other = try await Cluster.query(on: database).filter(\.$key == values.key).first(), other.id != cluster.id {
            throw InvalidFields("key", localized("'\(values.key)' heeft al een ander cluster", "'\(values.key)' is taken by another cluster"))
        }
        let known = Set(try await Organisation.query(on: database).filter(\.$id ~~ (values.added + values.excluded)).all().compactMap(\.id))
        if let missing = (values.added + values.excluded).first(where: { !known.contains($0) }) {
            throw InvalidFields(values.added.contains(missing) ? "members_added" : "members_excluded",
                                localized("de organisatie \(missing) bestaat niet (meer)", "the organisation \(missing) does not exist (any more)"))
        }
        let old = isNew ? nil : (key: cluster.key, nl: cluster.nameNL, en: cluster.nameEN, growth: cluster.isGrowthCluster, sbi: cluster.sbiPrefixes)
        let oldMembers = isNew ? (added: [UUID](), excluded: [UUID]()) : try await members(of: cluster.requireID())
        try await database.transaction { database in
            (cluster.key, cluster.nameNL, cluster.nameEN, cluster.isGrowthCluster) = (values.key, values.nameNL, values.nameEN, values.isGrowthCluster)
            cluster.sbiPrefixes = values.sbiPrefixes.joined(separator: " ")
            try await cluster.save(on: database)
            let id = try cluster.requireID()
            let sql = database as! any SQLDatabase
            try await sql.delete(from: "cluster_members").where("cluster_id", .equal, id).run()
            let rows = values.added.map { [BulkValue.uuid(id), .uuid($0), .bool(true)] } + values.excluded.map { [BulkValue.uuid(id), .uuid($0), .bool(false)] }
            if !rows.isEmpty { try await sql.insertBatched(into: "cluster_members", columns: ["cluster_id", "organisation_id", "included"], rows: rows) }
            let list = { (ids: [UUID]) in ids.map(\.uuidString).sorted().joined(separator: ";") }
            try await Audit.record(isNew ? .create : .update, .cluster, id: id.uuidString, changes: [
                .value("key", old: old?.key, new: values.key), .value("name_nl", old: old?.nl, new: values.nameNL), .value("name_en", old: old?.en, new: values.nameEN),
                .value("growth_cluster", old: old.map { String($0.growth) }, new: String(values.isGrowthCluster)),
                .value("sbi_prefixes", old: old?.sbi, new: cluster.sbiPrefixes),
                .value("members_added", old: isNew ? nil : list(oldMembers.added), new: list(values.added)),
                .value("members_excluded", old: isNew ? nil : list(oldMembers.excluded), new: list(values.excluded)),
            ], by: actor, on: database)
            try await Setting.figuresChanged(on: database)
        }
        return cluster
    }

    /// The organisations added to a cluster and those excluded from it.
    func members(of cluster: UUID) async throws -> (added: [UUID], excluded: [UUID]) {
        let rows = try await sql.select().columns("organisation_id", "included").from("cluster_members").where("cluster_id", .equal, cluster).all()
        var added: [UUID] = [], excluded: [UUID] = []
        for row in rows {
            let id = try row.decode(column: "organisation_id", as: UUID.self)
            if try row.decode(column: "included", as: Bool.self) { added.append(id) } else { excluded.append(id) }
        }
        return (added, excluded)
    }

    /// The organisations of Relaties that belong to a cluster: those added to it, those that took
    /// part in its engagements, and those whose enterprise (KvK number) has jobs in it; never
    /// those excluded. `enterprises`: the cluster's enterprises in the register.
    func organisations(in cluster: UUID, enterprises: Set<String>) async throws -> Set<UUID> {
        let (added, excluded) = try await members(of: cluster)
        let engaged = try await sql.select().distinct().column(SQLColumn("organisation_id", table: "engagement_organisations")).from("engagement_organisations")
            .join("engagement_clusters", on: SQLColumn("engagement_id", table: "engagement_clusters"), .equal, SQLColumn("engagement_id", table: "engagement_organisations"))
            .where(SQLColumn("cluster_id", table: "engagement_clusters"), .equal, SQLBind(cluster)).all()
            .map { try $0.decode(column: "organisation_id", as: UUID.self) }
        // Read whole: a cluster has thousands of enterprises, Relaties far fewer organisations with a KvK number.
        let registered = try await sql.select().columns("id", "kvk_number").from("organisations").where(SQLColumn("kvk_number"), .isNot, SQLLiteral.null).all()
            .filter { enterprises.contains(try $0.decode(column: "kvk_number", as: String.self)) }.map { try $0.decode(column: "id", as: UUID.self) }
        return Set(added).union(engaged).union(registered).subtracting(excluded)
    }

    /// The KvK numbers of organisations an account manager met (a contact moment) since `day`.
    func metEnterprises(since day: CalendarDay) async throws -> Set<String> {
        let rows = try await sql.select().distinct().column(SQLColumn("kvk_number", table: "organisations")).from("organisations")
            .join("contact_moment_organisations", on: SQLColumn("organisation_id", table: "contact_moment_organisations"), .equal, SQLColumn("id", table: "organisations"))
            .join("contact_moments", on: SQLColumn("id", table: "contact_moments"), .equal, SQLColumn("contact_moment_id", table: "contact_moment_organisations"))
            .where(SQLColumn("date", table: "contact_moments"), .greaterThanOrEqual, SQLBind(day.text))
            .where(SQLColumn("kvk_number", table: "organisations"), .isNot, SQLLiteral.null).all()
        return Set(try rows.map { try $0.decode(column: "kvk_number", as: String.self) })
    }

    /// Each cluster as the register sees it: its SBI prefixes, and the enterprises (KvK numbers)
    /// and establishments of its added and excluded organisations.
    func definitions(_ clusters: [Cluster]) async throws -> [UUID: ClusterDefinition] {
        let organisations = OrganisationService(database: database, actor: actor)
        var result: [UUID: ClusterDefinition] = [:]
        for cluster in clusters {
            let id = try cluster.requireID()
            let (added, excluded) = try await members(of: id)
            let units = { (ids: [UUID]) async throws -> (enterprises: Set<Int64>, establishments: Set<Int64>) in
                let found = ids.isEmpty ? [] : try await Organisation.query(on: database).filter(\.$id ~~ ids).all()
                let numbers = try await organisations.establishments(of: ids)
                return (Set(found.compactMap { $0.kvkNumber.flatMap { Int64($0) } }), Set(numbers.values.flatMap { $0 }.compactMap { Int64($0) }))
            }
            let (inEnterprises, inEstablishments) = try await units(added), (outEnterprises, outEstablishments) = try await units(excluded)
            result[id] = ClusterDefinition(sbiPrefixes: cluster.prefixes, addedEnterprises: inEnterprises, addedEstablishments: inEstablishments,
                                           excludedEnterprises: outEnterprises, excludedEstablishments: outEstablishments)
        }
        return result
    }
}
