import Analysis
import Fluent
import Foundation
import Markup
import Vapor

/// Economie > Sectoren: jobs and establishments by SBI section (or, drilled into a section, by
/// division), their growth over the chosen period, and the top growers.
enum Sectors {
    struct Row: Sendable, Equatable {
        let code: String
        let label: Bilingual
        let jobsFrom: Int
        let jobsTo: Int
        let establishmentsFrom: Int
        let establishmentsTo: Int

        var change: Int { jobsTo - jobsFrom }
        /// Relative growth; nil from zero jobs.
        var growth: Double? { Change(from: jobsFrom, to: jobsTo).relative }
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        /// The section drilled into (then the rows are its divisions).
        let section: String?
        let sectionLabel: Bilingual?
        let rows: [Row]
        let isDemo: Bool

        var jobsFrom: Int { rows.map(\.jobsFrom).reduce(0, +) }
        var jobsTo: Int { rows.map(\.jobsTo).reduce(0, +) }
        var topByChange: [Row] { Array(rows.sorted { ($0.change, $1.code) > ($1.change, $0.code) }.prefix(5)) }
        /// Relative growth only where there were at least 100 jobs at the start: tiny bases grow by any percentage.
        var topByGrowth: [Row] {
            Array(rows.filter { $0.jobsFrom >= Model.minimumBase }.sorted { ($0.growth ?? 0) > ($1.growth ?? 0) }.prefix(5))
        }
        static let minimumBase = 100

        var title: String {
            "\(section.map { "Sector \($0): \(sectionLabel?.text ?? $0)" } ?? localized("Sectoren", "Sectors")) in \(selection.name), \(selection.from)-\(selection.to)"
        }
    }

    static func query(_ selection: MonitorSelection, section: String?, panel: RegisterPanel, on database: Database) async throws -> Model {
        let reference = try ReferenceData.shared.get()
        if let section, !SBI.sections.contains(section) {
            throw Abort(.badRequest, reason: localized("'\(section)' is geen SBI-sectie; kies een letter van A tot en met U.", "'\(section)' is not an SBI section; pick a letter from A to U."))
        }
        let area = Area(municipalities: Set(selection.municipalities))
        let level: RegisterPanel.SBILevel = section == nil ? .section : .digits(2)
        let start = panel.counts(in: area, year: selection.from, by: level), end = panel.counts(in: area, year: selection.to, by: level)
        let labels = reference.sectionAndDivisionLabels
        let codes = section.map { letter in Set(start.keys).union(end.keys).filter { Int($0).flatMap(SBI.section(ofDivision:)) == letter } }
            ?? Set(SBI.sections)
        let rows = codes.sorted().map { code in
            Row(code: code, label: labels[code] ?? Bilingual(dutch: code, english: code), jobsFrom: start[code]?.jobs ?? 0, jobsTo: end[code]?.jobs ?? 0,
                establishmentsFrom: start[code]?.establishments ?? 0, establishmentsTo: end[code]?.establishments ?? 0)
        }
        return Model(selection: selection, section: section, sectionLabel: section.flatMap { labels[$0] }, rows: rows,
                     isDemo: try await Setting.isDemo(on: database))
    }

    /// The table as CSV (`,`-separated, `.` decimals), the same figures as the page.
    static func csv(_ model: Model) -> String {
        var lines = ["sbi,omschrijving,banen_\(model.selection.from),banen_\(model.selection.to),verschil,groei_procent,vestigingen_\(model.selection.from),vestigingen_\(model.selection.to)"]
        for row in model.rows {
            lines.append([row.code, CSVCell.text(row.label.dutch), String(row.jobsFrom), String(row.jobsTo), String(row.change),
                          CSVField.decimal(row.growth.map { $0 * 100 }), String(row.establishmentsFrom), String(row.establishmentsTo)]
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        func render() -> String {
            Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .sectors, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                selector,
                .p(.class("lead"), .text(localized(
                    "Banen (voltijd plus deeltijd) en vestigingen per \(model.section == nil ? "SBI-sectie" : "SBI-afdeling") in \(model.selection.from) en \(model.selection.to). Banen: ",
                    "Jobs (full-time plus part-time) and establishments per SBI \(model.section == nil ? "section" : "division") in \(model.selection.from) and \(model.selection.to). Jobs: ")
                    + "\(Format.integer(model.jobsFrom)) → \(Format.integer(model.jobsTo)).")),
                .if(model.section != nil, .p(.a(.href(SiteURL.sectors.path + "?" + model.selection.query()), .text(localized("← Alle sectoren", "← All sectors"))))),
                .div(.class("chart-block"), jobsChart.svg(id: "banen")),
                .div(.class("chart-block"), changeChart.svg(id: "groei")),
                tops,
                table,
                .p(.a(.href(SiteURL.sectors.path + "?" + model.selection.query(csvParameters)), .text(localized("Download deze tabel als CSV", "Download this table as CSV")))),
                .p(.class("source"), .text(source))
            ))
        }

        private var csvParameters: [String: String] {
            var parameters = ["formaat": "csv"]
            parameters["sectie"] = model.section
            return parameters
        }

        private var source: String {
            SourceLine.register(isDemo: model.isDemo, years: [model.selection.from, model.selection.to]) + ", " + SourceLine.processed + "."
        }

        private var selector: Node {
            Forms.selection(.sectors, model.selection, years: .period, extra: model.section.map { [.input(.type(.hidden), .name("sectie"), .value($0))] } ?? [])
        }

        private func drill(_ row: Row) -> String? {
            model.section == nil ? SiteURL.sectors.path + "?" + model.selection.query(["sectie": row.code]) : nil
        }

        /// The establishments behind a row's figure for a year.
        private func records(_ row: Row, year: Int) -> String {
            EstablishmentsIndex.link(area: model.selection.area, year: year, sbi: row.code)
        }

        private var jobsChart: BarChart {
            BarChart(title: localized("Banen per \(model.section == nil ? "sector" : "afdeling")", "Jobs per \(model.section == nil ? "sector" : "division")") + ", \(model.selection.to)", unit: localized("banen", "jobs"),
                     bars: model.rows.sorted { $0.jobsTo > $1.jobsTo }.filter { $0.jobsTo > 0 }.map {
                         .init(label: "\($0.code) \($0.label.text)", value: Double($0.jobsTo), link: drill($0) ?? records($0, year: model.selection.to))
                     }, source: source)
        }

        private var changeChart: BarChart {
            BarChart(title: localized("Groei in banen", "Growth in jobs") + ", \(model.selection.from)-\(model.selection.to)", unit: localized("banen erbij of eraf", "jobs gained or lost"),
                     bars: model.rows.sorted { $0.change > $1.change }.filter { $0.change != 0 }.map {
                         .init(label: "\($0.code) \($0.label.text)", value: Double($0.change), link: drill($0))
                     }, source: source)
        }

        private var tops: Node {
            .div(.class("tops"),
                 .div(.h2(.text(localized("Grootste groei in banen", "Largest growth in jobs"))),
                      .ol(.forEach(model.topByChange) { .li(.text("\($0.code) \($0.label.text): \(Format.signed($0.change))")) })),
                 .div(.h2(.text(localized("Snelste groei (vanaf \(Model.minimumBase) banen)", "Fastest growth (from \(Model.minimumBase) jobs)"))),
                      .ol(.forEach(model.topByGrowth) { row in
                          .li(.text("\(row.code) \(row.label.text): \(row.growth.map { Format.signedPercent($0) } ?? "–")"))
                      })))
        }

        private var table: Node {
            let (from, to) = (model.selection.from, model.selection.to)
            return .table(
                .caption(.text(localized("Banen en vestigingen per \(model.section == nil ? "sector" : "afdeling")", "Jobs and establishments per \(model.section == nil ? "sector" : "division")"))),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), "SBI"), .th(.attribute(named: "scope", value: "col"), .text(localized("Omschrijving", "Description"))),
                    .th(.class("number"), .text(localized("Banen", "Jobs") + " \(from)")), .th(.class("number"), .text(localized("Banen", "Jobs") + " \(to)")),
                    .th(.class("number"), .text(localized("Verschil", "Change"))), .th(.class("number"), .text(localized("Groei", "Growth"))),
                    .th(.class("number"), .text(localized("Vestigingen", "Establishments") + " \(from)")),
                    .th(.class("number"), .text(localized("Vestigingen", "Establishments") + " \(to)")))),
                .tbody(.forEach(model.rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), drill(row).map { .a(.href($0), .text(row.code)) } ?? .text(row.code)),
                        .td(.text(row.label.text)),
                        .td(.class("number"), .a(.href(records(row, year: from)), .text(Format.integer(row.jobsFrom)))),
                        .td(.class("number"), .a(.href(records(row, year: to)), .text(Format.integer(row.jobsTo)))),
                        .td(.class("number"), .text(Format.signed(row.change))),
                        .td(.class("number"), .text(row.growth.map { Format.signedPercent($0) } ?? "–")),
                        .td(.class("number"), .text(Format.integer(row.establishmentsFrom))),
                        .td(.class("number"), .text(Format.integer(row.establishmentsTo))))
                })
            )
        }
    }
}
