import Fluent
import Foundation
import Markup

/// Relaties > Personen: search people by name or e-mail address, in pages.
enum PeopleIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let name: String
        let email: String?
        let organisations: [String]
    }

    struct Model: Sendable, Equatable {
        let filter: PersonService.Filter
        let rows: [Row]
        let total: Int
        let mayEdit: Bool
        let isDemo: Bool

        var pages: Int { max(1, (total + filter.pageSize - 1) / filter.pageSize) }
    }

    /// Without `mayReadContactDetails` the rows carry no e-mail address.
    static func query(_ filter: PersonService.Filter, mayEdit: Bool, mayReadContactDetails: Bool, on database: Database) async throws -> Model {
        let (people, total) = try await PersonService(database: database, actor: .system).search(filter)
        let ids = try people.map { try $0.requireID() }
        let roles = ids.isEmpty ? [] : try await Affiliation.query(on: database).filter(\.$person.$id ~~ ids).filter(\.$to == nil).with(\.$organisation).all()
        let organisations = Dictionary(grouping: roles, by: \.$person.id).mapValues { $0.map(\.organisation.name).sorted() }
        return Model(filter: filter, rows: try people.map { Row(id: try $0.requireID(), name: $0.name, email: mayReadContactDetails ? $0.email : nil, organisations: organisations[try $0.requireID()] ?? []) },
                     total: total, mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(page: Int) -> String {
            SiteURL.people.with([("q", model.filter.text), ("pagina", String(page))])
        }

        func render() -> String {
            let title = localized("Personen", "People")
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .people, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("notice"), .text(localized("Contactpersonen zijn persoonsgegevens (AVG): leg alleen vast wat nodig is voor het contact.",
                                                     "Contact persons are personal data (GDPR): record only what the contact needs."))),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newPerson.path), .text(localized("Nieuwe persoon", "New person"))))),
                .if(viewer?.role.may(.managePersonalData) == true,
                    .p(.a(.href(SiteURL.peopleReview.path), .text(localized("Personen zonder recente activiteit beoordelen (AVG)", "Review people without recent activity (GDPR)"))),
                       .text(" · "), .a(.href(SiteURL.people.with([("formaat", "csv")])), .text(localized("Alle personen als CSV", "All people as CSV"))))),
                .form(.class("inline selector"), .method(.get), .action(SiteURL.people.path),
                      .label(.for("q"), .text(localized("Zoek (naam, e-mail, of KvK, postcode of SBI van de organisatie)", "Search (name, e-mail, or the organisation's KvK, postcode or SBI)"))),
                      Forms.input([("type", "search"), ("id", "q"), ("name", "q"), ("value", model.filter.text ?? "")]),
                      .button(.type(.submit), .text(localized("Zoek", "Search")))),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) personen. Pagina \(model.filter.page) van \(model.pages).",
                                                   "\(Format.integer(model.total)) people. Page \(model.filter.page) of \(model.pages)."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("E-mailadres", "E-mail address"))),
                               .th(.text(localized("Organisaties (nu)", "Organisations (now)"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.person.path(row.id)), .text(row.name))), .td(.text(row.email ?? "")),
                            .td(.text(row.organisations.joined(separator: ", "))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.filter.page > 1, .a(.href(link(page: model.filter.page - 1)), .text(localized("← Vorige", "← Previous")))),
                   .if(model.filter.page < model.pages, .a(.href(link(page: model.filter.page + 1)), .text(localized("Volgende →", "Next →")))))
            ))
        }
    }
}
