import Fluent
import Foundation

/// Beheer > Audit: the audit trail, newest first, filtered by entity, channel and period.
enum AuditIndex {
    struct Filter: Equatable {
        var entiteit: String?
        var kanaal: String?
        var van: String?
        var tot: String?
        var pagina: Int? = nil
    }

    struct Row: Equatable {
        let at: Date
        let actor: String
        let channel: String
        let action: String
        let entity: String
        let entityID: String
        let changes: String
        /// The record by its name (or what stands for it), and its page while it exists.
        var subject: String? = nil
        var link: String? = nil
    }

    struct Model: Equatable {
        let rows: [Row]
        let filter: Filter
        let page: Int
        let hasMore: Bool
        /// The subjects the filter offers: all of them.
        let entities: [Audit.Subject]
        let viewer: Layout.Viewer
    }

    static let pageSize = 100

    static func query(_ filter: Filter, on database: Database, viewer: Layout.Viewer) async throws -> Model {
        let page = max(1, filter.pagina ?? 1)
        var query = AuditEvent.query(on: database)
        if let entity = filter.entiteit, !entity.isEmpty { query = query.filter(\.$entity == entity) }
        if let channel = filter.kanaal.flatMap(AuditEvent.Channel.init(rawValue:)) { query = query.filter(\.$channel == channel) }
        if let from = filter.van.flatMap(Self.day) { query = query.filter(\.$at >= from) }
        if let to = filter.tot.flatMap(Self.day) { query = query.filter(\.$at < to.addingTimeInterval(86_400)) }
        let events = try await query.sort(\.$at, .descending).range((page - 1) * pageSize..<page * pageSize + 1).all()
        let names = Dictionary(uniqueKeysWithValues: try await User.query(on: database).all().map { (try $0.requireID(), $0.name) })
        let shown = Array(events.prefix(pageSize))
        let records = try await Self.records(named: shown, on: database)
        let rows = shown.map { event in
            let record = UUID(uuidString: event.entityID).flatMap { records[$0] }
            return Row(at: event.at,
                       actor: event.actorID.map { names[$0] ?? localized("verwijderde gebruiker", "deleted user") } ?? event.channel.label,
                       channel: event.channel.label, action: event.action.label, entity: event.entity, entityID: event.entityID,
                       changes: Self.readable(event.changes, names: records), subject: record?.name, link: record?.link)
        }
        return Model(rows: Array(rows), filter: filter, page: page, hasMore: events.count > pageSize,
                     entities: Audit.Subject.allCases.sorted { $0.label < $1.label }, viewer: viewer)
    }

    /// A record the trail names: its name and its page.
    struct Record: Equatable {
        let name: String
        let link: String?
    }

    /// The names of the records the events are about and of the ids in their changes (owners,
    /// organisations, people), a query per kind. Erased and deleted records have none.
    static func records(named events: [AuditEvent], on database: Database) async throws -> [UUID: Record] {
        var ids = Set(events.compactMap { UUID(uuidString: $0.entityID) })
        for event in events {
            for match in event.changes.matches(of: #/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/#) {
                if let id = UUID(uuidString: String(match.0)) { ids.insert(id) }
            }
        }
        let wanted = Array(ids)
        guard !wanted.isEmpty else { return [:] }
        var records: [UUID: Record] = [:]
        for user in try await User.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try user.requireID()] = Record(name: user.name, link: SiteURL.user(try user.requireID()))
        }
        for organisation in try await Organisation.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try organisation.requireID()] = Record(name: organisation.name, link: SiteURL.organisation.path(try organisation.requireID()))
        }
        for person in try await Person.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try person.requireID()] = Record(name: person.name, link: SiteURL.person.path(try person.requireID()))
        }
        for topic in try await Topic.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try topic.requireID()] = Record(name: topic.name, link: SiteURL.topics.path)
        }
        for moment in try await ContactMoment.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try moment.requireID()] = Record(name: "\(moment.kind.label) \(CalendarDay(moment.date)?.dutch ?? moment.date)",
                                                     link: SiteURL.contactMoment.path(try moment.requireID()))
        }
        for question in try await Question.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try question.requireID()] = Record(name: String(question.question.prefix(60)), link: SiteURL.question.path(try question.requireID()))
        }
        // A confidential acquisition is named by its codename here too.
        for acquisition in try await Acquisition.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try acquisition.requireID()] = Record(name: acquisition.codename ?? acquisition.companyName, link: SiteURL.acquisition.path(try acquisition.requireID()))
        }
        // A follow-up by what does not change (its organisation), not by today's owner and date.
        for followUp in try await FollowUp.query(on: database).filter(\.$id ~~ wanted).with(\.$organisation).all() {
            let organisation = followUp.organisation
            records[try followUp.requireID()] = Record(name: organisation.map { localized("bij \($0.name)", "at \($0.name)") } ?? localized("zonder organisatie", "without organisation"),
                                                       link: try organisation.map { SiteURL.organisation.path(try $0.requireID()) })
        }
        for token in try await APIToken.query(on: database).filter(\.$id ~~ wanted).all() {
            records[try token.requireID()] = Record(name: token.name, link: SiteURL.user(token.$user.id))
        }
        return records
    }

    /// `{"role":{"old":"viewer","new":"admin"},"email":{"personal":true}}` as
    /// "email: gewijzigd (persoonsgegeven); role: viewer → admin", ids written as the names of their records.
    static func readable(_ changes: String, names: [UUID: Record]) -> String {
        guard let fields = (try? JSONSerialization.jsonObject(with: Data(changes.utf8))) as? [String: [String: Any]] else { return changes }
        return fields.keys.sorted().map { field in
            let change = fields[field]!
            if change["personal"] != nil { return "\(field): " + localized("gewijzigd (persoonsgegeven)", "changed (personal data)") }
            let show = { (value: Any?) -> String in
                guard let text = value as? String else { return "–" }
                return UUID(uuidString: text).flatMap { names[$0]?.name } ?? text
            }
            return "\(field): \(show(change["old"])) → \(show(change["new"]))"
        }.joined(separator: "; ")
    }

    /// `2026-11-29` as the start of that day in Amsterdam, or nil.
    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
