import Fluent
import Foundation
import Markup
import SQLKit

/// Relaties > Contactmomenten: the latest contact moments with their organisations, people and topics.
enum ContactMomentsIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let date: String
        let kind: ContactMoment.Kind
        let organisations: [String]
        let people: Int
        let topics: [String]
    }

    struct Model: Sendable, Equatable {
        let rows: [Row]
        let total: Int
        let page: Int
        let mayEdit: Bool
        static let pageSize = 50

        var pages: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }
    }

    static func query(page: Int, mayEdit: Bool, on database: Database) async throws -> Model {
        let total = try await ContactMoment.query(on: database).count()
        let moments = try await ContactMoment.query(on: database).sort(\.$date, .descending).sort(\.$id)
            .page(page, size: Model.pageSize).all()
        let ids = try moments.map { try $0.requireID() }
        let sql = database as! any SQLDatabase
        var organisations: [UUID: [String]] = [:], people: [UUID: Int] = [:], topics: [UUID: [String]] = [:]
        if !ids.isEmpty {
            for row in try await sql.select().column(SQLColumn("contact_moment_id")).column(SQLColumn("name", table: "organisations"))
                .from("contact_moment_organisations").join("organisations", on: SQLColumn("organisation_id"), .equal, SQLColumn("id", table: "organisations"))
                .where(SQLColumn("contact_moment_id"), .in, SQLBind.group(ids)).all() {
                organisations[try row.decode(column: "contact_moment_id", as: UUID.self), default: []].append(try row.decode(column: "name", as: String.self))
            }
            for row in try await sql.select().column("contact_moment_id").from("contact_moment_people").where("contact_moment_id", .in, ids).all() {
                people[try row.decode(column: "contact_moment_id", as: UUID.self), default: 0] += 1
            }
            for row in try await sql.select().column(SQLColumn("contact_moment_id")).column(SQLColumn("name", table: "topics"))
                .from("contact_moment_topics").join("topics", on: SQLColumn("topic_id"), .equal, SQLColumn("id", table: "topics"))
                .where(SQLColumn("contact_moment_id"), .in, SQLBind.group(ids)).all() {
                topics[try row.decode(column: "contact_moment_id", as: UUID.self), default: []].append(try row.decode(column: "name", as: String.self))
            }
        }
        return Model(rows: try moments.map { moment in
            let id = try moment.requireID()
            return Row(id: id, date: moment.date, kind: moment.kind, organisations: (organisations[id] ?? []).sorted(),
                       people: (people[id] ?? 0) + moment.erasedPeople, topics: (topics[id] ?? []).sorted())
        }, total: total, page: page, mayEdit: mayEdit)
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            let title = localized("Contactmomenten", "Contact moments")
            return Layout.render(Layout.Page(title: title, isDemo: viewer?.seesDemo, current: .contactMoments, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newContactMoment.path), .text(localized("Contactmoment vastleggen", "Log a contact moment"))))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) contactmomenten. Pagina \(model.page) van \(model.pages).",
                                                   "\(Format.integer(model.total)) contact moments. Page \(model.page) of \(model.pages)."))),
                .table(
                    .caption(.text(localized("Nieuwste eerst", "Latest first"))),
                    .thead(.tr(.th(.text(localized("Datum", "Date"))), .th(.text(localized("Soort", "Kind"))), .th(.text(localized("Organisaties", "Organisations"))),
                               .th(.class("number"), .text(localized("Personen", "People"))), .th(.text(localized("Onderwerpen", "Topics"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.contactMoment.path(row.id)), .text(CalendarDay(row.date)?.dutch ?? row.date))), .td(.text(row.kind.label)),
                            .td(.text(row.organisations.joined(separator: ", "))), .td(.class("number"), .text(String(row.people))),
                            .td(.text(row.topics.joined(separator: ", "))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.page > 1, .a(.href(SiteURL.contactMoments.with([("pagina", String(model.page - 1))])), .text(localized("← Vorige", "← Previous")))),
                   .if(model.page < model.pages, .a(.href(SiteURL.contactMoments.with([("pagina", String(model.page + 1))])), .text(localized("Volgende →", "Next →")))))
            ))
        }
    }
}
