import Analysis
import Foundation
import Markup

extension SpecialisationPage {
    struct View: SharedMainPage {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo, years: [model.selection.from, model.selection.to])
                + localized("; landelijk: ", "; national: ") + (model.nationalSource ?? localized("geen landelijke cijfers", "no national figures"))
                + "; " + SourceLine.processed + "."
        }

        var page: Layout.Page {
            Layout.Page(title: model.title, isDemo: model.isDemo, current: .specialisation, viewer: viewer, selection: model.selection.kept)
        }

        /// Everything but the page shell: the same for every viewer, so it is cached rendered.
        var main: Node {
            return .group(
                .h1(.text(model.title)),
                Forms.selection(.specialisation, model.selection, years: .period),
                .unwrap(model.total, { total in .group(
                    .div(.class("notice"),
                         .p(.text(localized(
                             "Locatiequotiënt (LQ): het aandeel van een sector in de banen van \(model.selection.name), gedeeld door dat aandeel in Nederland. Boven 1 is het gebied gespecialiseerd in die sector. Hoover-index \(index(model.hoover)) en Krugman-index \(index(model.krugman)) (0 = dezelfde structuur als Nederland).",
                             "Location quotient (LQ): a sector's share of the jobs in \(model.selection.name), divided by its share in the Netherlands. Above 1 the area is specialised in that sector. Hoover index \(index(model.hoover)) and Krugman index \(index(model.krugman)) (0 = the same structure as the Netherlands)."))
                    )),
                    .div(.class("chart-block"), BarChart(
                        title: localized("Locatiequotiënt per sector", "Location quotient per sector") + ", \(model.selection.to)", unit: localized("LQ (Nederland = 1)", "LQ (Netherlands = 1)"),
                        bars: model.rows.compactMap { row in row.quotient.map { .init(label: "\(row.code) \(row.label.text)", value: $0, link: drill(row)) } }
                            .sorted { $0.value > $1.value },
                        source: source, format: { Format.decimal($0, digits: 2) },
                        reference: (1, localized("gelijk aan Nederland", "as the Netherlands"))).svg(id: "lq")),
                    .h2(.text(localized("Verschuiving en aandeel (shift-share)", "Shift-share"))),
                    .p(.text(localized(
                        "De verandering in banen van \(Format.integer(model.jobsFrom)) naar \(Format.integer(model.jobsTo)), opgedeeld in: de groei als het gebied even hard was gegroeid als Nederland (nationale groei), het effect van de sectorsamenstelling (sectormix) en wat het gebied zelf beter of slechter deed (regionale component).",
                        "The change in jobs from \(Format.integer(model.jobsFrom)) to \(Format.integer(model.jobsTo)), split into: the growth had the area grown as fast as the Netherlands (national share), the effect of its sector mix (industry mix) and what the area did better or worse itself (regional shift)."))),
                    .div(.class("chart-block"), WaterfallChart(
                        title: localized("Shift-share van de banengroei", "Shift-share of the growth in jobs") + ", \(model.selection.from)-\(model.selection.to)",
                        unit: localized("banen", "jobs"), start: (localized("Begin", "Start"), Double(model.jobsFrom)),
                        steps: [.init(label: localized("Nationale groei", "National share"), value: total.nationalShare),
                                .init(label: localized("Sectormix", "Industry mix"), value: total.industryMix),
                                .init(label: localized("Regionaal", "Regional shift"), value: total.regionalShift)],
                        source: source).svg(id: "shiftshare"))
                ) }, else: .p(.class("notice"), .text(localized(
                    "Er zijn geen landelijke banencijfers voor deze jaren; importeer ze met 'vliegwiel import national BESTAND.csv'.",
                    "There are no national job figures for these years; import them with 'vliegwiel import national FILE.csv'.")))),
                .unwrap(model.section) { divisions(of: $0) },
                table,
                Downloads.links(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv"]), localized("Download deze tabel", "Download this table")),
                .p(.class("source"), .text(source))
            )
        }

        private func index(_ value: Double?) -> String { value.map { Format.decimal($0, digits: 3) } ?? "–" }

        /// The establishments of a section in the end year.
        private func records(_ row: Row) -> String {
            EstablishmentsIndex.link(area: model.selection.area, year: model.selection.to, sbi: row.code)
        }

        /// A section's divisions (on this page), or a division's establishments.
        private func drill(_ row: Row) -> String {
            row.code.count == 1 ? SiteURL.specialisation.path + "?" + model.selection.query(["sectie": row.code]) + "#afdelingen" : records(row)
        }

        /// The divisions of the section drilled into: their location quotients and a table.
        private func divisions(of section: String) -> Node {
            let label = model.rows.first { $0.code == section }?.label.text ?? section
            let hasQuotients = model.divisions.contains { $0.quotient != nil }
            return .section(
                .id("afdelingen"),
                .h2(.text(localized("Afdelingen van sectie ", "Divisions of section ") + "\(section): \(label)")),
                .p(.a(.href(SiteURL.specialisation.path + "?" + model.selection.query()), .text(localized("← Alle sectoren", "← All sectors")))),
                hasQuotients
                    ? .div(.class("chart-block"), BarChart(
                        title: localized("Locatiequotiënt per afdeling", "Location quotient per division") + ", \(model.selection.to)",
                        unit: localized("LQ (Nederland = 1)", "LQ (Netherlands = 1)"),
                        bars: model.divisions.compactMap { row in row.quotient.map { .init(label: "\(row.code) \(row.label.text)", value: $0, link: records(row)) } }
                            .sorted { $0.value > $1.value },
                        source: source, format: { Format.decimal($0, digits: 2) },
                        reference: (1, localized("gelijk aan Nederland", "as the Netherlands"))).svg(id: "lq-afdelingen"))
                    : .p(.class("notice"), .text(localized(
                        "Er zijn geen landelijke banen per afdeling voor \(model.selection.to); importeer een landelijk bestand met de kolom sbi_afdeling om locatiequotiënten per afdeling te zien.",
                        "There are no national jobs per division for \(model.selection.to); import a national file with the column sbi_afdeling to see location quotients per division."))),
                .table(
                    .caption(.text(localized("Locatiequotiënt per afdeling van sectie ", "Location quotient per division of section ") + section)),
                    .thead(.tr(.th(.text(localized("Afdeling", "Division"))), .th(.text(localized("Omschrijving", "Description"))),
                               .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.from)")),
                               .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.to)")), .th(.class("number"), .text("LQ \(model.selection.to)")))),
                    .tbody(.forEach(model.divisions) { row in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(row.code)), .td(.text(row.label.text)),
                            .td(.class("number"), .a(.href(EstablishmentsIndex.link(area: model.selection.area, year: model.selection.from, sbi: row.code)), .text(Format.integer(row.jobsFrom)))),
                            .td(.class("number"), .a(.href(records(row)), .text(Format.integer(row.jobsTo)))),
                            .td(.class("number"), .text(row.quotient.map { Format.decimal($0, digits: 2) } ?? "–")))
                    })
                ),
                Downloads.links(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv", "sectie": section]),
                                localized("Download de afdelingen", "Download the divisions"))
            )
        }

        private var table: Node {
            let signed = { (value: Double?) in value.map { Format.signed(Int($0.rounded())) } ?? "–" }
            return .table(
                .caption(.text(localized("Locatiequotiënt en shift-share per sector", "Location quotient and shift-share per sector"))),
                .thead(.tr(.th(.text(localized("Sectie", "Section"))), .th(.text(localized("Omschrijving", "Description"))),
                           .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.from)")),
                           .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.to)")), .th(.class("number"), .text("LQ \(model.selection.to)")),
                           .th(.class("number"), .text(localized("Nationale groei", "National share"))), .th(.class("number"), .text(localized("Sectormix", "Industry mix"))),
                           .th(.class("number"), .text(localized("Regionaal", "Regional shift"))))),
                .tbody(.forEach(model.rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .a(.href(drill(row)), .text(row.code))), .td(.text(row.label.text)),
                        .td(.class("number"), .a(.href(EstablishmentsIndex.link(area: model.selection.area, year: model.selection.from, sbi: row.code)), .text(Format.integer(row.jobsFrom)))),
                        .td(.class("number"), .a(.href(records(row)), .text(Format.integer(row.jobsTo)))),
                        .td(.class("number"), .text(row.quotient.map { Format.decimal($0, digits: 2) } ?? "–")),
                        .td(.class("number"), .text(signed(row.shift?.nationalShare))), .td(.class("number"), .text(signed(row.shift?.industryMix))),
                        .td(.class("number"), .text(signed(row.shift?.regionalShift))))
                })
            )
        }
    }
}
