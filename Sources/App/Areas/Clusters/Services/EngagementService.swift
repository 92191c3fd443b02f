import Fluent
import Foundation
import SQLKit

/// Engagements: saving them with their clusters, organisations and people (audited), and who is
/// actively involved in a cluster: at least one engagement of a kind that counts in the last
/// months (both settings).
struct EngagementService {
    let database: Database
    let actor: Audit.Actor

    var sql: any SQLDatabase { database as! any SQLDatabase }

    enum Link: String, CaseIterable {
        case clusters = "cluster_id", organisations = "organisation_id", people = "person_id"
        var table: String {
            switch self {
            case .clusters: "engagement_clusters"
            case .organisations: "engagement_organisations"
            case .people: "engagement_people"
            }
        }
    }

    static func find(_ id: UUID?, on database: Database) async throws -> Engagement {
        try await Engagement.find(id, on: database, missing: localized("Deze activiteit bestaat niet (meer).", "This engagement does not exist (any more)."))
    }

    @discardableResult
    func save(_ values: EngagementInput.Values, to engagement: Engagement = Engagement()) async throws -> Engagement {
        let known = Set(try await Organisation.query(on: database).filter(\.$id ~~ values.organisations).all().compactMap(\.id))
        if let missing = values.organisations.first(where: { !known.contains($0) }) {
            throw InvalidFields("organisations", localized("de organisatie \(missing) bestaat niet (meer)", "the organisation \(missing) does not exist (any more)"))
        }
        let people = Set(try await Person.query(on: database).filter(\.$id ~~ values.people).all().compactMap(\.id))
        if let missing = values.people.first(where: { !people.contains($0) }) {
            throw InvalidFields("people", localized("de persoon \(missing) bestaat niet (meer)", "the person \(missing) does not exist (any more)"))
        }
        let isNew = engagement.id == nil
        let old = isNew ? nil : (date: engagement.date, kind: engagement.kind.rawValue)
        try await database.transaction { database in
            (engagement.date, engagement.kind, engagement.notes) = (values.date, values.kind, values.notes)
            try await engagement.save(on: database)
            let id = try engagement.requireID()
            let sql = database as! any SQLDatabase
            for (link, ids) in [(Link.clusters, values.clusters), (.organisations, values.organisations), (.people, values.people)] {
                try await sql.replaceLinks(in: link.table, owner: "engagement_id", id, to: link.rawValue, values: ids.map(BulkValue.uuid))
            }
            let list = { (ids: [UUID]) in ids.map(\.uuidString).sorted().joined(separator: ";") }
            try await Audit.record(isNew ? .create : .update, .engagement, id: id.uuidString, changes: [
                .value("date", old: old?.date, new: values.date), .value("kind", old: old?.kind, new: values.kind.rawValue),
                .value("clusters", old: nil, new: list(values.clusters)), .value("organisations", old: nil, new: list(values.organisations)),
                .personal("people"), .personal("notes"),
            ], by: actor, on: database)
        }
        return engagement
    }

    func delete(_ engagement: Engagement) async throws {
        try await Audit.delete(engagement, as: .engagement, changes: [.value("date", old: engagement.date, new: nil)], by: actor, on: database)
    }

    /// The clusters an engagement may name: those in use, and the archived ones it already names
    /// (so that it can still be changed), by key.
    func clusters(for engagement: Engagement?) async throws -> [String: UUID] {
        var known = try await ClusterService.idsByKey(on: database)
        if let id = engagement?.id {
            let linked = Set(try await links(of: id)[.clusters] ?? [])
            for cluster in try await ClusterService.all(archived: true, on: database) where linked.contains(try cluster.requireID()) {
                known[cluster.key] = try cluster.requireID()
            }
        }
        return known
    }

    /// The linked ids of an engagement, per link.
    func links(of id: UUID) async throws -> [Link: [UUID]] {
        var result: [Link: [UUID]] = [:]
        for link in Link.allCases {
            result[link] = try await sql.select().column(link.rawValue).from(link.table).where("engagement_id", .equal, id).all()
                .map { try $0.decode(column: link.rawValue, as: UUID.self) }
        }
        return result
    }

    /// The rule for active involvement, from the settings.
    struct Rule: Sendable, Equatable {
        var months: Int
        var kinds: Set<Engagement.Kind>

        static func current(on database: Database) async throws -> Rule {
            let months = try await Setting.number(.engagementMonths, default: 12, on: database)
            let kinds = try await Setting.value(.engagementKinds, on: database).map { text in
                Set(text.split(separator: ",").compactMap { Engagement.Kind(rawValue: String($0)) })
            }
            return Rule(months: months, kinds: kinds.flatMap { $0.isEmpty ? nil : $0 } ?? Set(Engagement.Kind.allCases))
        }
    }

    /// An organisation actively involved in a cluster: its latest engagement that counts, and the
    /// day it stops counting.
    struct Involvement: Sendable, Equatable {
        let organisation: Named
        let latest: String
        let lapsesOn: String
    }

    /// Per cluster, the organisations actively involved on `today`, those whose involvement lapses first listed first.
    func involvement(in clusters: [UUID], today: CalendarDay, rule: Rule) async throws -> [UUID: [Involvement]] {
        guard !clusters.isEmpty else { return [:] }
        let since = today.monthsEarlier(rule.months).text
        let rows = try await sql.select()
            .column(SQLColumn("cluster_id", table: "engagement_clusters")).column(SQLColumn("organisation_id", table: "engagement_organisations"))
            .column(SQLColumn("name", table: "organisations")).column(SQLFunction("max", args: SQLColumn("date", table: "engagements")), as: "latest")
            .from("engagements")
            .join("engagement_clusters", on: SQLColumn("engagement_id", table: "engagement_clusters"), .equal, SQLColumn("id", table: "engagements"))
            .join("engagement_organisations", on: SQLColumn("engagement_id", table: "engagement_organisations"), .equal, SQLColumn("id", table: "engagements"))
            .join("organisations", on: SQLColumn("id", table: "organisations"), .equal, SQLColumn("organisation_id", table: "engagement_organisations"))
            .where(SQLColumn("cluster_id", table: "engagement_clusters"), .in, SQLBind.group(clusters))
            .where(SQLColumn("kind", table: "engagements"), .in, SQLBind.group(rule.kinds.map(\.rawValue).sorted()))
            .where(SQLColumn("date", table: "engagements"), .greaterThan, SQLBind(since))
            .where(SQLColumn("date", table: "engagements"), .lessThanOrEqual, SQLBind(today.text))
            .groupBy(SQLColumn("cluster_id", table: "engagement_clusters")).groupBy(SQLColumn("organisation_id", table: "engagement_organisations"))
            .groupBy(SQLColumn("name", table: "organisations"))
            .all()
        var result: [UUID: [Involvement]] = [:]
        for row in rows {
            let latest = try row.decode(column: "latest", as: String.self)
            let lapses = CalendarDay(latest).map { day in Self.monthsLater(day, rule.months).text } ?? latest
            result[try row.decode(column: "cluster_id", as: UUID.self), default: []].append(Involvement(
                organisation: Named(id: try row.decode(column: "organisation_id", as: UUID.self), name: try row.decode(column: "name", as: String.self)),
                latest: latest, lapsesOn: lapses))
        }
        return result.mapValues { $0.sorted { ($0.lapsesOn, $0.organisation.name) < ($1.lapsesOn, $1.organisation.name) } }
    }

    /// The education level of each of `organisations` that has one.
    static func educationLevels(of organisations: [UUID], on database: Database) async throws -> [UUID: Organisation.EducationLevel?] {
        guard !organisations.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await (database as! any SQLDatabase)
            .select().columns("id", "education_level").from(Organisation.schema).where("id", .in, SQLBind.group(organisations)).all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "education_level", as: Organisation.EducationLevel?.self)) })
    }

    /// The universities and universities of applied sciences among those actively involved
    /// (`levels`: from `educationLevels`): the strategy's "collaboration with university education".
    static func higherEducation(among rows: [Involvement], levels: [UUID: Organisation.EducationLevel?]) -> [Involvement] {
        rows.filter { levels[$0.organisation.id]??.isHigherEducation == true }
    }

    /// The same day `months` months later (the last day of a shorter month).
    static func monthsLater(_ day: CalendarDay, _ months: Int) -> CalendarDay {
        day.monthsEarlier(-months)
    }
}
