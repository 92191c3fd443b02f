import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// The establishments behind a figure: the register rows of an area, year and SBI section or
/// code, paged and sortable, with a CSV download of all of them.
enum EstablishmentsIndex {
    struct Row: Sendable, Equatable {
        let establishment: String
        let kvk: String
        let name: String
        let sbi: String
        let municipality: String
        let jobs: Int
    }

    enum Order: String, CaseIterable, Sendable {
        case banen, naam, sbi
    }

    struct Model: Sendable, Equatable {
        let area: String
        let areaName: String
        let year: Int
        let sbi: String
        let order: Order
        let page: Int
        let total: Int
        let jobs: Int
        let rows: [Row]
        let isDemo: Bool
        static let pageSize = 50

        var pages: Int { max(1, (total + Self.pageSize - 1) / Self.pageSize) }
    }

    /// All rows of the selection, in the chosen order.
    static func rows(municipalities: [String], year: Int, sbi: String, order: Order, on database: Database) async throws -> [Row] {
        let isSection = SBI.sections.contains(sbi)
        guard isSection || (sbi.allSatisfy(\.isNumber) && (1...5).contains(sbi.count)) else {
            throw Abort(.badRequest, reason: "'\(sbi)' is geen SBI-sectie (A-U) of SBI-code (cijfers).")
        }
        let records = try await RegisterStore(database).records(municipalities: municipalities, years: year...year)
        let rows = records.filter { isSection ? SBI.section(of: $0.sbi) == sbi : SBI.code($0.sbi, isUnder: sbi) }.map {
            Row(establishment: $0.establishmentNumber, kvk: $0.kvkNumber, name: $0.name, sbi: $0.sbi, municipality: $0.municipality, jobs: $0.jobs)
        }
        switch order {
        case .banen: return rows.sorted { ($0.jobs, $1.name) > ($1.jobs, $0.name) }
        case .naam: return rows.sorted { ($0.name, $0.establishment) < ($1.name, $1.establishment) }
        case .sbi: return rows.sorted { ($0.sbi, $0.name) < ($1.sbi, $1.name) }
        }
    }

    static func csv(_ rows: [Row]) -> String {
        (["vestigingsnummer,kvk_nummer,naam,sbi,gemeente,banen"] + rows.map {
            [$0.establishment, $0.kvk, RegisterCSV.quoted($0.name), $0.sbi, $0.municipality, String($0.jobs)].joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private func link(order: Order? = nil, page: Int? = nil, csv: Bool = false) -> String {
            var components = URLComponents()
            components.path = SiteURL.establishments.path
            components.queryItems = [
                URLQueryItem(name: "gebied", value: model.area), URLQueryItem(name: "jaar", value: String(model.year)),
                URLQueryItem(name: "sbi", value: model.sbi), URLQueryItem(name: "sorteer", value: (order ?? model.order).rawValue),
            ] + (page.map { [URLQueryItem(name: "pagina", value: String($0))] } ?? []) + (csv ? [URLQueryItem(name: "formaat", value: "csv")] : [])
            return components.string ?? SiteURL.establishments.path
        }

        func render() -> String {
            let title = "Vestigingen in SBI \(model.sbi), \(model.areaName) \(model.year)"
            return Layout.render(Layout.Page(title: title, isDemo: model.isDemo, current: .sectors, viewer: viewer), main: .group(
                .h1(.text(title)),
                .p(.class("lead"), .text("\(DutchFormat.integer(model.total)) vestigingen met samen \(DutchFormat.integer(model.jobs)) banen. Pagina \(model.page) van \(model.pages).")),
                .p(.text("Sorteer op: "), .forEach(Order.allCases) { order in
                    order == model.order ? .strong(.text(order.rawValue + " ")) : .group(.a(.href(link(order: order)), .text(order.rawValue)), .text(" "))
                }),
                .table(
                    .caption(.text("Vestigingen (\(DutchFormat.integer(model.total)))")),
                    .thead(.tr(.th("Vestigingsnummer"), .th("KvK"), .th("Naam"), .th("SBI"), .th("Gemeente"), .th(.class("number"), "Banen"))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.text(row.establishment)), .td(.text(row.kvk)), .td(.text(row.name)), .td(.text(row.sbi)),
                            .td(.text(row.municipality)), .td(.class("number"), .text(DutchFormat.integer(row.jobs))))
                    })
                ),
                .p(.if(model.page > 1, .a(.href(link(page: model.page - 1)), "← Vorige ")),
                   .if(model.page < model.pages, .a(.href(link(page: model.page + 1)), "Volgende →"))),
                .p(.a(.href(link(csv: true)), "Download alle \(model.total) vestigingen als CSV"))
            ))
        }
    }
}
