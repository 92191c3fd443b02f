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
        let rows = events.prefix(pageSize).map { event in
            Row(at: event.at,
                actor: event.actorID.map { names[$0] ?? "verwijderde gebruiker" } ?? (event.channel == .cli ? "opdrachtregel" : "systeem"),
                channel: event.channel.rawValue, action: event.action.rawValue, entity: event.entity, entityID: event.entityID,
                changes: event.changes)
        }
        return Model(rows: Array(rows), filter: filter, page: page, hasMore: events.count > pageSize,
                     entities: Audit.Subject.allCases.sorted { $0.label < $1.label }, viewer: viewer)
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
