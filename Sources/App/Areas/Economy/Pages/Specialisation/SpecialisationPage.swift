import Analysis
import Fluent
import Foundation
import Markup
import Vapor

/// Economie > Specialisatie: location quotients per SBI section against the Netherlands,
/// Hoover and Krugman, and the shift-share decomposition of the change in jobs.
enum SpecialisationPage {
    struct Row: Sendable, Equatable {
        /// The section letter, or the division's two digits.
        let code: String
        let label: Bilingual
        let jobsFrom: Int
        let jobsTo: Int
        let quotient: Double?
        let shift: ShiftShare.Components?
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let rows: [Row]
        /// The section drilled into, and its divisions (with location quotients when national
        /// jobs per division were imported).
        let section: String?
        let divisions: [Row]
        let hoover: Double?
        let krugman: Double?
        let total: ShiftShare.Components?
        let nationalSource: String?
        let isDemo: Bool

        var title: String { localized("Specialisatie van ", "Specialisation of ") + "\(selection.name), \(selection.from)-\(selection.to)" }
        var jobsFrom: Int { rows.map(\.jobsFrom).reduce(0, +) }
        var jobsTo: Int { rows.map(\.jobsTo).reduce(0, +) }
    }

    static func query(_ selection: MonitorSelection, section: String?, panel: RegisterPanel, on database: Database) async throws -> Model {
        if let section, !SBI.sections.contains(section) {
            throw Abort(.badRequest, reason: localized("'\(section)' is geen SBI-sectie; kies een letter van A tot en met U.", "'\(section)' is not an SBI section; pick a letter from A to U."))
        }
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
            Row(code: section, label: labels[section] ?? Bilingual(dutch: section, english: section), jobsFrom: start[section] ?? 0, jobsTo: end[section] ?? 0,
                quotient: hasNation ? quotients[index] : nil, shift: shift?.bySector[index])
        }
        var divisions: [Row] = []
        if let section {
            divisions = try await divisionRows(of: section, selection, area: area, nationTotal: nationEnd.values.reduce(0, +), labels: labels, panel: panel, on: database)
        }
        return Model(selection: selection, rows: rows, section: section, divisions: divisions,
                     hoover: hasNation ? Specialisation.hoover(region: vector(end), nation: vector(nationEnd)) : nil,
                     krugman: hasNation ? Specialisation.krugman(region: vector(end), nation: vector(nationEnd)) : nil,
                     total: shift?.total, nationalSource: hasNation ? source : nil, isDemo: try await Setting.isDemo(on: database))
    }

    /// The divisions of a section: jobs and, against national jobs per division, location quotients
    /// (a division's share of all the area's jobs over its share of all national jobs).
    private static func divisionRows(
        of section: String, _ selection: MonitorSelection, area: Area, nationTotal: Int, labels: [String: Bilingual], panel: RegisterPanel, on database: Database
    ) async throws -> [Row] {
        let start = panel.counts(in: area, year: selection.from, by: .digits(2)), end = panel.counts(in: area, year: selection.to, by: .digits(2))
        let nation = try await RegisterStore(database).nationalDivisionJobs(year: selection.to)
        let codes = Set(start.keys).union(end.keys).union(nation.keys).filter { Int($0).flatMap(SBI.section(ofDivision:)) == section }.sorted()
        // The divisions plus one entry for all other jobs, so that the shares are of all jobs.
        let regionTotal = end.values.map(\.jobs).reduce(0, +)
        let region = codes.map { Double(end[$0]?.jobs ?? 0) }, national = codes.map { Double(nation[$0] ?? 0) }
        let quotients = nation.isEmpty || nationTotal == 0 ? codes.map { _ in nil }
            : Array(Specialisation.locationQuotients(region: region + [Double(regionTotal) - region.reduce(0, +)],
                                                     nation: national + [Double(nationTotal) - national.reduce(0, +)]).prefix(codes.count))
        return zip(codes, quotients).map { code, quotient in
            Row(code: code, label: labels[code] ?? Bilingual(dutch: code, english: code), jobsFrom: start[code]?.jobs ?? 0, jobsTo: end[code]?.jobs ?? 0,
                quotient: quotient, shift: nil)
        }
    }

    static func csv(_ model: Model) -> String {
        let number = { (value: Double?) in CSVField.decimal(value, digits: 4) }
        return (["\(model.section == nil ? "sectie" : "afdeling"),omschrijving,banen_\(model.selection.from),banen_\(model.selection.to),lq_\(model.selection.to),nationale_groei,sectormix,regionale_component"]
            + (model.section == nil ? model.rows : model.divisions).map { row in
                [row.code, CSVCell.text(row.label.dutch), String(row.jobsFrom), String(row.jobsTo), number(row.quotient),
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
                    .div(.class("chart-block"), BarChart(
                        title: localized("Locatiequotiënt per sector", "Location quotient per sector") + ", \(model.selection.to)", unit: localized("LQ (Nederland = 1)", "LQ (Netherlands = 1)"),
                        bars: model.rows.compactMap { row in row.quotient.map { .init(label: "\(row.code) \(row.label.text)", value: $0, link: drill(row)) } }
                            .sorted { $0.value > $1.value },
                        source: source, format: { Format.decimal($0, digits: 2) }).svg(id: "lq")),
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
                .p(.a(.href(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv"])), .text(localized("Download deze tabel als CSV", "Download this table as CSV")))),
                .p(.class("source"), .text(source))
            ))
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
                        source: source, format: { Format.decimal($0, digits: 2) }).svg(id: "lq-afdelingen"))
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
                .p(.a(.href(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv", "sectie": section])),
                      .text(localized("Download de afdelingen als CSV", "Download the divisions as CSV"))))
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
