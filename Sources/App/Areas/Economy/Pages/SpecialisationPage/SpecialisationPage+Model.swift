import Analysis
import Fluent
import Foundation
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
        let quotients = hasNation ? sectionQuotients(jobs: end, national: nationEnd) : [:]
        let shift = hasNation ? ShiftShare(regionStart: vector(start), regionEnd: vector(end), nationStart: vector(nationStart), nationEnd: vector(nationEnd)) : nil
        let rows = SBI.sections.enumerated().map { index, section in
            Row(code: section, label: labels[section] ?? Bilingual(dutch: section, english: section), jobsFrom: start[section] ?? 0, jobsTo: end[section] ?? 0,
                quotient: quotients[section], shift: shift?.bySector[index])
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

    /// Each section's location quotient: its share of the area's jobs over its share of the
    /// nation's (also the indicator catalogue's `location_quotient` of a section).
    static func sectionQuotients(jobs: [String: Int], national: [String: Int]) -> [String: Double] {
        let vector = { (jobs: [String: Int]) in SBI.sections.map { Double(jobs[$0] ?? 0) } }
        let quotients = Specialisation.locationQuotients(region: vector(jobs), nation: vector(national))
        return Dictionary(uniqueKeysWithValues: zip(SBI.sections, quotients).compactMap { section, quotient in quotient.map { (section, $0) } })
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
}
