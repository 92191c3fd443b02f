import Foundation
import Markup

extension AuditIndex {
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
                    Forms.select(id: "kanaal", name: "kanaal", options: [("", localized("alle", "all"))] + AuditEvent.Channel.allCases.map { ($0.rawValue, $0.label) },
                                 selected: model.filter.kanaal ?? ""),
                    .label(.for("van"), .text(localized(" Van ", " From "))),
                    .input(.type(.date), .id("van"), .name("van"), .value(model.filter.van ?? "")),
                    .label(.for("tot"), .text(localized(" Tot en met ", " To "))),
                    .input(.type(.date), .id("tot"), .name("tot"), .value(model.filter.tot ?? "")),
                    .button(.type(.submit), .text(localized("Filteren", "Filter")))
                ),
                .table(
                    .caption(.text(localized("Wijzigingen, nieuwste eerst (pagina \(model.page))", "Changes, latest first (page \(model.page))"))),
                    .thead(.tr(.th(.text(localized("Tijdstip", "Time"))), .th(.text(localized("Door", "By"))), .th(.text(localized("Kanaal", "Channel"))),
                               .th(.text(localized("Handeling", "Action"))), .th(.text(localized("Onderwerp", "Subject"))), .th(.text(localized("Wat", "Which"))), .th(.text(localized("Velden", "Fields"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.text(Format.moment(row.at))), .td(.text(row.actor)), .td(.text(row.channel)), .td(.text(row.action)),
                            .td(.text(Audit.Subject(rawValue: row.entity)?.label ?? row.entity)), .td(which(row)), .td(.text(row.changes)))
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

        /// The record by name, linked while it exists; its id when it has no name (any more), or "all" for an export of all.
        private func which(_ row: Row) -> Node {
            if let subject = row.subject {
                return .unwrap(row.link, { .a(.href($0), .attribute(named: "title", value: row.entityID), .text(subject)) },
                               else: .span(.attribute(named: "title", value: row.entityID), .text(subject)))
            }
            return row.entityID == "*" ? .text(localized("alle", "all")) : .code(.text(row.entityID))
        }

    }
}
