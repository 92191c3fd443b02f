import Analysis
import Fluent
import Foundation
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
}
