import Analysis
import Foundation
import Markup

extension Sectors {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .sectors, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            .group(
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
                Downloads.links(SiteURL.sectors.path + "?" + model.selection.query(csvParameters), localized("Download deze tabel", "Download this table")),
                .p(.class("source"), .text(source))
            )
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
