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

    /// Every cluster's id by its key (what forms and the API name clusters by); archived ones
    /// take nothing new.
    static func idsByKey(on database: Database) async throws -> [String: UUID] {
        Dictionary(uniqueKeysWithValues: try await all(on: database).map { ($0.key, try $0.requireID()) })
    }

    /// The clusters in use (or also the archived ones): growth clusters first, then by name.
    static func all(archived: Bool = false, on database: Database) async throws -> [Cluster] {
        try await Cluster.query(on: database).all().filter { archived || $0.archivedOn == nil }
            .sorted { ($0.isGrowthCluster ? 0 : 1, $0.name) < ($1.isGrowthCluster ? 0 : 1, $1.name) }
    }

    /// How many engagements and acquisitions name a cluster.
    func dependants(of cluster: UUID) async throws -> (engagements: Int, acquisitions: Int) {
        let count = { (table: String) in
            try await self.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n").from(table).where("cluster_id", .equal, cluster)
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return (try await count("engagement_clusters"), try await count("acquisitions"))
    }

    /// Deletes a cluster. Its engagements and acquisitions move to `target` first; a cluster
    /// with engagements needs one (or is archived instead, `archive`).
    func delete(_ cluster: Cluster, movingTo target: Cluster?) async throws {
        let id = try cluster.requireID()
        let (engagements, acquisitions) = try await dependants(of: id)
        guard target?.id != id else {
            throw InvalidFields("move_to", localized("kies een ander cluster om naar te verplaatsen", "choose another cluster to move to"))
        }
        if engagements + acquisitions > 0, target == nil {
            throw InvalidFields("move_to", localized(
                "\(cluster.name) heeft \(engagements) activiteiten en \(acquisitions) acquisities: verplaats ze naar een ander cluster, of archiveer het cluster (dan blijven ze bewaard)",
                "\(cluster.name) has \(engagements) engagements and \(acquisitions) acquisitions: move them to another cluster, or archive the cluster (which keeps them)"))
        }
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            if let target {
                let targetID = try target.requireID()
                // An engagement already in the target loses only its link to this cluster.
                let inTarget = SQLSubquery.select { $0.column("engagement_id").from("engagement_clusters").where("cluster_id", .equal, targetID) }
                try await sql.delete(from: "engagement_clusters").where("cluster_id", .equal, id).where(SQLColumn("engagement_id"), .in, inTarget).run()
                try await sql.update("engagement_clusters").set("cluster_id", to: SQLBind(targetID)).where("cluster_id", .equal, id).run()
            }
            try await sql.update("acquisitions").set("cluster_id", to: target.map { SQLBind(try $0.requireID()) as any SQLExpression } ?? SQLLiteral.null)
                .where("cluster_id", .equal, id).run()
            try await cluster.delete(on: database)
            try await Audit.record(.delete, .cluster, id: id.uuidString, changes: [
                .value("key", old: cluster.key, new: nil), .value("moved_to", old: nil, new: target?.key),
            ], by: actor, on: database)
            try await Setting.figuresChanged(on: database)
        }
    }

    /// Archives a cluster (or takes it back, `archived: false`): it keeps its engagements and
    /// acquisitions but leaves the lists, the forms and the showcase.
    func archive(_ cluster: Cluster, archived: Bool = true) async throws {
        let old = cluster.archivedOn
        cluster.archivedOn = archived ? CalendarDay.today.text : nil
        try await database.transaction { database in
            try await cluster.save(on: database)
            try await Audit.record(.update, .cluster, id: try cluster.requireID().uuidString, changes: [.value("archived_on", old: old, new: cluster.archivedOn)],
                                   by: actor, on: database)
            try await Setting.figuresChanged(on: database)
        }
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
