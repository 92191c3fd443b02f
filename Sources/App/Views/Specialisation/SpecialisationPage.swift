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
        let label: String
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

        var title: String { "Specialisatie van \(selection.name), \(selection.from)-\(selection.to)" }
        var jobsFrom: Int { rows.map(\.jobsFrom).reduce(0, +) }
        var jobsTo: Int { rows.map(\.jobsTo).reduce(0, +) }
    }

    static func query(_ selection: MonitorSelection, panel: RegisterPanel, on database: Database) async throws -> Model {
        let store = RegisterStore(database)
        let area = Area(municipalities: Set(selection.municipalities))
        let start = panel.jobsBySection(in: area, year: selection.from), end = panel.jobsBySection(in: area, year: selection.to)
        let (nationStart, _) = try await store.nationalJobs(year: selection.from)
        let (nationEnd, source) = try await store.nationalJobs(year: selection.to)
        let labels = Dictionary(try ReferenceData.shared.get().sbiCodes.filter { $0.level == "section" }.map { ($0.code, $0.labelNL) },
                                uniquingKeysWith: { first, _ in first })
        let vector = { (jobs: [String: Int]) in SBI.sections.map { Double(jobs[$0] ?? 0) } }
        let hasNation = !nationStart.isEmpty && !nationEnd.isEmpty
        let quotients = hasNation ? Specialisation.locationQuotients(region: vector(end), nation: vector(nationEnd)) : []
        let shift = hasNation ? ShiftShare(regionStart: vector(start), regionEnd: vector(end), nationStart: vector(nationStart), nationEnd: vector(nationEnd)) : nil
        let rows = SBI.sections.enumerated().map { index, section in
            Row(section: section, label: labels[section] ?? section, jobsFrom: start[section] ?? 0, jobsTo: end[section] ?? 0,
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
                [row.section, RegisterCSV.quoted(row.label), String(row.jobsFrom), String(row.jobsTo), number(row.quotient),
                 number(row.shift?.nationalShare), number(row.shift?.industryMix), number(row.shift?.regionalShift)].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }

    struct View {
        let model: Model
        let viewer: Layout.Viewer?

        private var source: String {
            let register = model.isDemo ? "synthetisch demoregister" : "vestigingenregister"
            return "Bron: \(register) \(model.selection.from) en \(model.selection.to); landelijk: \(model.nationalSource ?? "geen landelijke cijfers"); bewerking Vliegwiel."
        }

        func render() -> String {
            return Layout.render(Layout.Page(title: model.title, isDemo: model.isDemo, current: .specialisation, viewer: viewer), main: .group(
                .h1(.text(model.title)),
                Forms.selection(.specialisation, model.selection, years: .period),
                .unwrap(model.total, { total in .group(
                    .div(.class("notice"),
                         .p(.text("Locatiequotiënt (LQ): het aandeel van een sector in de banen van \(model.selection.name), gedeeld door dat aandeel in Nederland. Boven 1 is het gebied gespecialiseerd in die sector. Hoover-index \(model.hoover.map { DutchFormat.decimal($0, digits: 3) } ?? "–") en Krugman-index \(model.krugman.map { DutchFormat.decimal($0, digits: 3) } ?? "–") (0 = dezelfde structuur als Nederland)."))),
                    .div(.class("chart-block"), .raw(BarChart(
                        title: "Locatiequotiënt per sector, \(model.selection.to)", unit: "LQ (Nederland = 1)",
                        bars: model.rows.compactMap { row in row.quotient.map { .init(label: "\(row.section) \(row.label)", value: $0) } }
                            .sorted { $0.value > $1.value },
                        source: source, format: { DutchFormat.decimal($0, digits: 2) }).svg(id: "lq"))),
                    .h2("Verschuiving en aandeel (shift-share)"),
                    .p(.text("De verandering in banen van \(DutchFormat.integer(model.jobsFrom)) naar \(DutchFormat.integer(model.jobsTo)), opgedeeld in: de groei als het gebied even hard was gegroeid als Nederland (nationale groei), het effect van de sectorsamenstelling (sectormix) en wat het gebied zelf beter of slechter deed (regionale component).")),
                    .div(.class("chart-block"), .raw(WaterfallChart(
                        title: "Shift-share van de banengroei, \(model.selection.from)-\(model.selection.to)", unit: "banen",
                        start: ("Begin", Double(model.jobsFrom)),
                        steps: [.init(label: "Nationale groei", value: total.nationalShare), .init(label: "Sectormix", value: total.industryMix),
                                .init(label: "Regionaal", value: total.regionalShift)],
                        source: source).svg(id: "shiftshare")))
                ) }, else: .p(.class("notice"), "Er zijn geen landelijke banencijfers voor deze jaren; importeer ze met 'vliegwiel import national BESTAND.csv'.")),
                table,
                .p(.a(.href(SiteURL.specialisation.path + "?" + model.selection.query(["formaat": "csv"])), "Download deze tabel als CSV")),
                .p(.class("source"), .text(source)),
                .p(.class("source"), "Landelijke cijfers zijn er per sectie; locatiequotiënten per afdeling vragen landelijke banen per afdeling.")
            ))
        }

        private var table: Node<HTML.BodyContext> {
            let signed = { (value: Double?) in value.map { DutchFormat.signed(Int($0.rounded())) } ?? "–" }
            return .table(
                .caption(.text("Locatiequotiënt en shift-share per sector")),
                .thead(.tr(.th("Sectie"), .th("Omschrijving"), .th(.class("number"), .text("Banen \(model.selection.from)")),
                           .th(.class("number"), .text("Banen \(model.selection.to)")), .th(.class("number"), .text("LQ \(model.selection.to)")),
                           .th(.class("number"), "Nationale groei"), .th(.class("number"), "Sectormix"), .th(.class("number"), "Regionaal"))),
                .tbody(.forEach(model.rows) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(row.section)), .td(.text(row.label)),
                        .td(.class("number"), .text(DutchFormat.integer(row.jobsFrom))), .td(.class("number"), .text(DutchFormat.integer(row.jobsTo))),
                        .td(.class("number"), .text(row.quotient.map { DutchFormat.decimal($0, digits: 2) } ?? "–")),
                        .td(.class("number"), .text(signed(row.shift?.nationalShare))), .td(.class("number"), .text(signed(row.shift?.industryMix))),
                        .td(.class("number"), .text(signed(row.shift?.regionalShift))))
                })
            )
        }
    }
}
