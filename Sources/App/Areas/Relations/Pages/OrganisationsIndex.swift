import Fluent
import Foundation
import Markup

/// Relaties > Organisaties: search by name, KvK number, establishment number, postcode or SBI
/// code, filter by kind, account manager and tag, in pages.
enum OrganisationsIndex {
    struct Row: Sendable, Equatable {
        let id: UUID
        let name: String
        let kind: Organisation.Kind
        let kvk: String?
        let postcode: String?
        let municipality: String?
        let sbi: String?
        let accountManager: String?
        let tags: [String]
    }

    struct Model: Sendable, Equatable {
        let filter: OrganisationService.Filter
        let rows: [Row]
        let total: Int
        let managers: [Option]
        let municipalityNames: [String: String]
        let mayEdit: Bool
        let isDemo: Bool

        var pages: Int { max(1, (total + filter.pageSize - 1) / filter.pageSize) }
    }

    struct Option: Sendable, Equatable {
        let value: String
        let label: String
    }

    static func query(_ filter: OrganisationService.Filter, mayEdit: Bool, on database: Database) async throws -> Model {
        let page = try await OrganisationService(database: database, actor: .system).search(filter)
        let users = try await UserDirectory.load(on: database)
        let reference = try ReferenceData.shared.get()
        return Model(
            filter: filter,
            rows: try page.organisations.map {
                Row(id: try $0.requireID(), name: $0.name, kind: $0.kind, kvk: $0.kvkNumber, postcode: $0.postcode, municipality: $0.municipality,
                    sbi: $0.sbi, accountManager: $0.accountManager?.name, tags: $0.tagList)
            },
            total: page.total, managers: users.users.map { Option(value: $0.id.uuidString, label: $0.name) },
            municipalityNames: Dictionary(uniqueKeysWithValues: reference.municipalities.map { ($0.code, $0.name) }),
            mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var title: String { localized("Organisaties", "Organisations") }

        func link(page: Int? = nil, csv: Bool = false) -> String {
            let filter = model.filter
            return SiteURL.organisations.with([
                ("q", filter.text), ("soort", filter.kind?.rawValue), ("accountmanager", filter.accountManager?.uuidString), ("label", filter.tag),
                ("pagina", page.map(String.init)), ("formaat", csv ? "csv" : nil),
            ])
        }

        func render() -> String {
            Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .organisations, viewer: viewer), main: .group(
                .h1(.text(title)),
                .if(model.mayEdit, .p(.a(.class("button"), .href(SiteURL.newOrganisation.path), .text(localized("Nieuwe organisatie", "New organisation"))))),
                .form(
                    .class("inline selector"), .method(.get), .action(SiteURL.organisations.path),
                    .label(.for("q"), .text(localized("Zoek (naam, KvK, postcode of SBI)", "Search (name, KvK, postcode or SBI)"))),
                    Forms.input([("type", "search"), ("id", "q"), ("name", "q"), ("value", model.filter.text ?? "")]),
                    .label(.for("soort"), .text(localized("soort", "kind"))),
                    Forms.select(id: "soort", name: "soort", options: [("", localized("alle", "all"))] + Organisation.Kind.allCases.map { ($0.rawValue, $0.label) },
                                 selected: model.filter.kind?.rawValue ?? ""),
                    .label(.for("accountmanager"), .text(localized("accountmanager", "account manager"))),
                    Forms.select(id: "accountmanager", name: "accountmanager", options: [("", localized("iedereen", "anyone"))] + model.managers.map { ($0.value, $0.label) },
                                 selected: model.filter.accountManager?.uuidString ?? ""),
                    .label(.for("label"), .text(localized("label", "tag"))),
                    Forms.input([("type", "text"), ("id", "label"), ("name", "label"), ("value", model.filter.tag ?? ""), ("size", "12")]),
                    .button(.type(.submit), .text(localized("Zoek", "Search")))
                ),
                .p(.class("lead"), .text(localized("\(Format.integer(model.total)) organisaties. Pagina \(model.filter.page) van \(model.pages).",
                                                   "\(Format.integer(model.total)) organisations. Page \(model.filter.page) of \(model.pages)."))),
                .table(
                    .caption(.text(title)),
                    .thead(.tr(.th(.text(localized("Naam", "Name"))), .th(.text(localized("Soort", "Kind"))), .th("KvK"), .th("Postcode"),
                               .th(.text(localized("Gemeente", "Municipality"))), .th("SBI"), .th(.text(localized("Accountmanager", "Account manager"))),
                               .th(.text(localized("Labels", "Tags"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.a(.href(SiteURL.organisation.path(row.id)), .text(row.name))), .td(.text(row.kind.label)), .td(.text(row.kvk ?? "")),
                            .td(.text(row.postcode ?? "")), .td(.text(row.municipality.map { model.municipalityNames[$0] ?? $0 } ?? "")),
                            .td(.text(row.sbi ?? "")), .td(.text(row.accountManager ?? "")), .td(.text(row.tags.joined(separator: ", "))))
                    })
                ),
                .p(.class("pages"),
                   .if(model.filter.page > 1, .a(.href(link(page: model.filter.page - 1)), .text(localized("← Vorige", "← Previous")))),
                   .if(model.filter.page < model.pages, .a(.href(link(page: model.filter.page + 1)), .text(localized("Volgende →", "Next →"))))),
                .p(.a(.href(link(csv: true)), .text(localized("Download deze organisaties als CSV (het importformaat)", "Download these organisations as CSV (the import format)"))))
            ))
        }
    }
}
