import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Bedrijfsgrootte: establishments or enterprises and their jobs per LISA size class,
/// and the share of jobs in enterprises of 250 or more.
enum FirmSize {
    struct Row: Sendable, Equatable {
        let sizeClass: RegisterPanel.SizeClass
        let units: Int
        let jobs: Int
    }

    struct Model: Sendable, Equatable {
        let selection: MonitorSelection
        let unit: RegisterPanel.Unit
        let rows: [Row]
        let largeShare: Double
        let isDemo: Bool

        var year: Int { selection.to }
        var unitLabel: String { unit == .enterprise ? localized("ondernemingen", "enterprises") : localized("vestigingen", "establishments") }
        var title: String { localized("Bedrijfsgrootte in ", "Firm size in ") + "\(selection.name), \(year)" }
    }

    static func query(_ selection: MonitorSelection, unit: RegisterPanel.Unit, panel: RegisterPanel, on database: Database) async throws -> Model {
        let area = Area(municipalities: Set(selection.municipalities))
        let classes = panel.sizeClasses(in: area, year: selection.to, unit: unit)
        return Model(selection: selection, unit: unit,
                     rows: RegisterPanel.SizeClass.allCases.map { Row(sizeClass: $0, units: classes[$0]?.units ?? 0, jobs: classes[$0]?.jobs ?? 0) },
                     largeShare: panel.shareOfJobsInEnterprises(withAtLeast: 250, in: area, year: selection.to),
                     isDemo: try await Setting.isDemo(on: database))
    }

    static func csv(_ model: Model) -> String {
        (["grootteklasse_banen,\(model.unit == .enterprise ? "ondernemingen" : "vestigingen"),banen"] + model.rows.map { "\($0.sizeClass.rawValue),\($0.units),\($0.jobs)" }).joined(separator: "\n") + "\n"
    }
}
