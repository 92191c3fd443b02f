import Analysis
import Fluent
import Foundation
import Plot
import Vapor

/// Economie > Specialisatie: location quotients per SBI section against the Netherlands,
/// Hoover and Krugman, and the shift-share decomposition of the change in jobs.
enum SpecialisationPage {
    struct Row: Sendable, Equatable {
        let section: String
        let label: Bilingual
        let jobsFrom: Int
        let jobsTo: Int
        let quotient: Double?
        let shift: ShiftShare.Components?
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let rows: [Row]
        let hoover: Double?
        let krugman: Double?
        let total: ShiftShare.Components?
        let nationalSource: String?
        let isDemo: Bool

        var title: String { localized("Specialisatie van ", "Specialisation of ") + "\(selection.name), \(selection.from)-\(selection.to)" }
        var jobsFrom: Int { rows.map(\.jobsFrom).reduce(0, +) }
        var jobsTo: Int { rows.map(\.jobsTo).reduce(0, +) }
    }

    static func query(_ selection: MonitorSelection, panel: RegisterPanel, on database: Database) async throws -> Model {
        let store = RegisterStore(database)
        let area = Area(municipalities: Set(selection.municipalities))
        let start = panel.jobsBySection(in: area, year: selection.from), end = panel.jobsBySection(in: area, year: selection.to)
        let (nationStart, _) = try await store.nationalJobs(year: selection.from)
        let (nationEnd, source) = try await store.nationalJobs(year: selection.to)
        let labels = try ReferenceData.shared.get().sectionAndDivisionLabels
        let vector = { (jobs: [String: Int]) in SBI.sections.map { Double(jobs[$0] ?? 0) } }
        let hasNation = !nationStart.isEmpty && !nationEnd.isEmpty
        let quotients = hasNation ? Specialisation.locationQuotients(region: vector(end), nation: vector(nationEnd)) : []
        let shift = hasNation ? ShiftShare(regionStart: vector(start), regionEnd: vector(end), nationStart: vector(nationStart), nationEnd: vector(nationEnd)) : nil
        let rows = SBI.sections.enumerated().map { index, section in
            Row(section: section, label: labels[section] ?? Bilingual(dutch: section, english: section), jobsFrom: start[section] ?? 0, jobsTo: end[section] ?? 0,
                quotient: hasNation ? quotients[index] : nil, shift: shift?.bySector[index])
        }
        return Model(selection: selection, rows: rows,
                     hoover: hasNation ? Specialisation.hoover(region: vector(end), nation: vector(nationEnd)) : nil,
                     krugman: hasNation ? Specialisation.krugman(region: vector(end), nation: vector(nationEnd)) : nil,
                     total: shift?.total, nationalSource: hasNation ? source : nil, isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        let number = { (value: Double?) in CSVField.decimal(value, digits: 4) }
        return (["sectie,omschrijving,banen_\(model.selection.from),banen_\(model.selection.to),lq_\(model.selection.to),nationale_groei,sectormix,regionale_component"]
            + model.rows.map { row in
                [row.section, RegisterCSV.quoted(row.label.dutch), String(row.jobsFrom), String(row.jobsTo), number(row.quotient),
                 number(row.shift?.nationalShare), number(row.shift?.industryMix), number(row.shift?.regionalShift)].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            SourceLine.register(isDemo: model.isDemo, years: [model.selection.from, model.selection.to])
                + localized("; landelijk: ", "; national: ") + (model.nationalSource ?? localized("geen landelijke cijfers", "no national figures"))
                + "; " + SourceLine.processed + "."
        }

        func render() -> String {
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .specialisation, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                Forms.selection(.specialisation, model.selection, years: .period),
                .unwrap(model.total, { total in .group(
                    .div(.class("notice"),
                         .p(.text(localized(
                             "Locatiequotiënt (LQ): het aandeel van een sector in de banen van \(model.selection.name), gedeeld door dat aandeel in Nederland. Boven 1 is het gebied gespecialiseerd in die sector. Hoover-index \(index(model.hoover)) en Krugman-index \(index(model.krugman)) (0 = dezelfde structuur als Nederland).",
                             "Location quotient (LQ): a sector's share of the jobs in \(model.selection.name), divided by its share in the Netherlands. Above 1 the area is specialised in that sector. Hoover index \(index(model.hoover)) and Krugman index \(index(model.krugman)) (0 = the same structure as the Netherlands)."))
                    )),
                    .div(.class("chart-block"), .raw(BarChart(
                        title: localized("Locatiequotiënt per sector", "Location quotient per sector") + ", \(model.selection.to)", unit: localized("LQ (Nederland = 1)", "LQ (Netherlands = 1)"),
                        bars: model.rows.compactMap { row in row.quotient.map { .init(label: "\(row.section) \(row.label.text)", value: $0, link: records(row)) } }
                            .sorted { $0.value > $1.value },
                        source: source, format: { Format.decimal($0, digits: 2) }).svg(id: "lq"))),
                    .h2(.text(localized("Verschuiving en aandeel (shift-share)", "Shift-share"))),
                    .p(.text(localized(
                        "De verandering in banen van \(Format.integer(model.jobsFrom)) naar \(Format.integer(model.jobsTo)), opgedeeld in: de groei als het gebied even hard was gegroeid als Nederland (nationale groei), het effect van de sectorsamenstelling (sectormix) en wat het gebied zelf beter of slechter deed (regionale component).",
                        "The change in jobs from \(Format.integer(model.jobsFrom)) to \(Format.integer(model.jobsTo)), split into: the growth had the area grown as fast as the Netherlands (national share), the effect of its sector mix (industry mix) and what the area did better or worse itself (regional shift)."))),
                    .div(.class("chart-block"), .raw(WaterfallChart(
                        title: localized("Shift-share van de banengroei", "Shift-share of the growth in jobs") + ", \(model.selection.from)-\(model.selection.to)",
                        unit: localized("banen", "jobs"), start: (localized("Begin", "Start"), Double(model.jobsFrom)),
                        steps: [.init(label: localized("Nationale groei", "National share"), value: total.nationalShare),
                                .init(label: localized("Sectormix", "Industry mix"), value: total.industryMix),
                                .init(label: localized("Regionaal", "Regional shift"), value: total.regionalShift)],
                        source: source).svg(id: "shiftshare")))
                ) }, else: .p(.class("notice"), .text(localized(
                    "Er zijn geen landelijke banencijfers voor deze jaren; importeer ze met 'vliegwiel import national BESTAND.csv'.",
                    "There are no national job figures for these years; import them with 'vliegwiel import national FILE.csv'.")))),
                table,
                .p(.a(.href(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv"])), .text(localized("Download deze tabel als CSV", "Download this table as CSV")))),
                .p(.class("source"), .text(source)),
            ))
        }

        private func index(_ value: Double?) -> String { value.map { Format.decimal($0, digits: 3) } ?? "–" }

        /// The establishments of a section in the end year.
        private func records(_ row: Row) -> String {
            EstablishmentsIndex.link(area: model.selection.area, year: model.selection.to, sbi: row.section)
        }

        private var table: Node<HTML.BodyContext> {
            let signed = { (value: Double?) in value.map { Format.signed(Int($0.rounded())) } ?? "–" }
            return .table(
                .caption(.text(localized("Locatiequotiënt en shift-share per sector", "Location quotient and shift-share per sector"))),
                .thead(.tr(.th(.text(localized("Sectie", "Section"))), .th(.text(localized("Omschrijving", "Description"))),
                           .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.from)")),
                           .th(.class("number"), .text(localized("Banen", "Jobs") + " \(model.selection.to)")), .th(.class("number"), .text("LQ \(model.selection.to)")),
                           .th(.class("number"), .text(localized("Nationale groei", "National share"))), .th(.class("number"), .text(localized("Sectormix", "Industry mix"))),
                           .th(.class("number"), .text(localized("Regionaal", "Regional shift"))))),
                .tbody(.forEach(model.rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(row.section)), .td(.text(row.label.text)),
                        .td(.class("number"), .a(.href(EstablishmentsIndex.link(area: model.selection.area, year: model.selection.from, sbi: row.section)), .text(Format.integer(row.jobsFrom)))),
                        .td(.class("number"), .a(.href(records(row)), .text(Format.integer(row.jobsTo)))),
                        .td(.class("number"), .text(row.quotient.map { Format.decimal($0, digits: 2) } ?? "–")),
                        .td(.class("number"), .text(signed(row.shift?.nationalShare))), .td(.class("number"), .text(signed(row.shift?.industryMix))),
                        .td(.class("number"), .text(signed(row.shift?.regionalShift))))
                })
            )
        }
    }
}
