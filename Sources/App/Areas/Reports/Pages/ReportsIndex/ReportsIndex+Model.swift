import Fluent
import Foundation
import Vapor

/// Rapportage: the council report made for a reporting date (as HTML or PDF), and the frozen
/// reports with their downloads.
enum ReportsIndex {
    struct Model: Sendable {
        let reports: [ReportArchive.Entry]
        let areas: [MonitorSelection.Choice]
        /// Why there is no PDF here (Chromium missing), or nil when there is.
        let pdfProblem: String?
        let mayFreeze: Bool
        let isDemo: Bool
        /// The form's values, as sent or as defaults, and what was wrong with them.
        var date: String
        var area: String
        var language: String
        var problems: [FieldProblem] = []
        /// Whether `problems` belong to the freezing form (else to the form that makes a report).
        var freezing = false
    }

    /// The default reporting date: the last 31 December before today.
    static var defaultDate: CalendarDay { CalendarDay("\(CalendarDay.today.year - 1)-12-31")! }

    static func query(config: AppConfig, mayFreeze: Bool, on database: Database) async throws -> Model {
        var pdfProblem: String?
        do { _ = try PDFPrinter.locate(config: config) } catch let abort as any AbortError { pdfProblem = abort.reason }
        return Model(reports: try await ReportArchive.list(on: database),
                     areas: MonitorSelection.choices(region: config.region, reference: try ReferenceData.shared.get()),
                     pdfProblem: pdfProblem, mayFreeze: mayFreeze, isDemo: try await Setting.isDemo(on: database),
                     date: defaultDate.text, area: config.area, language: Language.current.rawValue)
    }
}
