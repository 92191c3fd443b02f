import Fluent
import Foundation
import Markup

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

    /// `2026-11-29` as the start of that day (UTC), or nil.
    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }

    struct View {
        let model: Model

        func render() -> String {
            Layout.render(Layout.Page(title: "Audit", isDemo: nil, current: .audit, viewer: model.viewer), main: .group(
                .h1("Audit"),
                .p(.class("lead"), .text(localized("Elke wijziging: wie, wanneer, wat en welke velden. Persoonsgegevens staan er alleen als 'gewijzigd', zonder waarden.", "Every change: who, when, what and which fields. Personal data shows only as 'changed', without values."))),
                .form(
                    .class("inline"), .method(.get), .action(SiteURL.audit.path),
                    .label(.for("entiteit"), .text(localized("Onderwerp ", "Subject "))),
                    Forms.select(id: "entiteit", name: "entiteit", options: [("", localized("alle", "all"))] + model.entities.map { ($0.rawValue, $0.label) },
                                 selected: model.filter.entiteit ?? ""),
                    .label(.for("kanaal"), .text(localized(" Kanaal ", " Channel "))),
                    Forms.select(id: "kanaal", name: "kanaal", options: [("", localized("alle", "all"))] + AuditEvent.Channel.allCases.map { ($0.rawValue, $0.rawValue) },
                                 selected: model.filter.kanaal ?? ""),
                    .label(.for("van"), .text(localized(" Van ", " From "))),
                    .input(.type(.date), .id("van"), .name("van"), .value(model.filter.van ?? "")),
                    .label(.for("tot"), .text(localized(" Tot en met ", " To "))),
                    .input(.type(.date), .id("tot"), .name("tot"), .value(model.filter.tot ?? "")),
                    .button(.type(.submit), .text(localized("Filteren", "Filter")))
                ),
                .table(
                    .caption(.text(localized("Wijzigingen, nieuwste eerst (pagina \(model.page))", "Changes, latest first (page \(model.page))"))),
                    .thead(.tr(.th(.text(localized("Tijdstip (UTC)", "Time (UTC)"))), .th(.text(localized("Door", "By"))), .th(.text(localized("Kanaal", "Channel"))),
                               .th(.text(localized("Handeling", "Action"))), .th(.text(localized("Onderwerp", "Subject"))), .th("Id"), .th(.text(localized("Velden", "Fields"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.text(Self.timestamp(row.at))), .td(.text(row.actor)), .td(.text(row.channel)), .td(.text(row.action)),
                            .td(.text(Audit.Subject(rawValue: row.entity)?.label ?? row.entity)), .td(.code(.text(row.entityID))), .td(.text(Self.readable(row.changes))))
                    })
                ),
                .if(model.rows.isEmpty, .p(.class("notice"), .text(localized("Geen wijzigingen met deze filters.", "No changes with these filters.")))),
                .if(model.hasMore, .p(.a(.href(nextPage), .text(localized("Oudere wijzigingen", "Older changes")))))
            ))
        }

        private var nextPage: String {
            var components = URLComponents()
            components.path = SiteURL.audit.path
            let filter = model.filter
            components.queryItems = [("entiteit", filter.entiteit), ("kanaal", filter.kanaal), ("van", filter.van), ("tot", filter.tot)]
                .compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } } + [URLQueryItem(name: "pagina", value: String(model.page + 1))]
            return components.string ?? SiteURL.audit.path
        }

        /// `{"role":{"old":"viewer","new":"admin"},"email":{"personal":true}}` as
        /// "email: gewijzigd (persoonsgegeven); role: viewer → admin".
        static func readable(_ changes: String) -> String {
            guard let fields = (try? JSONSerialization.jsonObject(with: Data(changes.utf8))) as? [String: [String: Any]] else { return changes }
            return fields.keys.sorted().map { field in
                let change = fields[field]!
                if change["personal"] != nil { return "\(field): " + localized("gewijzigd (persoonsgegeven)", "changed (personal data)") }
                let show = { (value: Any?) in (value as? String) ?? "–" }
                return "\(field): \(show(change["old"])) → \(show(change["new"]))"
            }.joined(separator: "; ")
        }

        private static func timestamp(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "nl_NL")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "dd-MM-yyyy HH:mm:ss"
            return formatter.string(from: date)
        }
    }
}
