import Fluent
import Foundation
import SQLKit
import Vapor

/// The frozen council reports: "Rapport vastleggen" keeps the report of a reporting date as it
/// was handed over (HTML and PDF with their SHA-256), with the goal measurements of that date
/// frozen too, so the council's copy can be shown again exactly however the data changes.
struct ReportArchive {
    let application: Application
    let database: Database
    let actor: Audit.Actor

    /// A frozen report without its files, for lists.
    struct Entry: Sendable, Equatable, Content {
        let id: UUID
        let date: String
        let area: String
        let language: String
        let htmlSHA256: String
        let pdfSHA256: String?
        let pages: Int?
        let htmlBytes: Int
        let pdfBytes: Int?
        let frozenAt: Date
        let frozenBy: String?
    }

    /// Freezes the report of `options`, with the goals of the date when they were not frozen yet:
    /// the report is made first, then the measurements and the report are stored in one
    /// transaction, so a report that cannot be made leaves nothing behind. The PDF is printed when
    /// Chromium is installed; without it the HTML is kept alone (and the list says so), but a
    /// `VLIEGWIEL_CHROMIUM` that points nowhere is refused. Refused, naming `date`, when this date,
    /// area and language were frozen before.
    func freeze(_ options: CouncilReport.Options) async throws -> (FrozenReport, ReportMaker.Made) {
        let taken = localized("het rapport van \(options.date.text) voor \(options.area) (\(options.language.rawValue)) is al vastgelegd",
                              "the report of \(options.date.text) for \(options.area) (\(options.language.rawValue)) is already frozen")
        if try await FrozenReport.query(on: database).filter(\.$reportingDate == options.date.text).filter(\.$area == options.area)
            .filter(\.$language == options.language.rawValue).count() > 0 {
            throw InvalidFields("date", taken)
        }
        let printer = application.config.chromium == nil ? try? PDFPrinter.locate(config: application.config) : try PDFPrinter.locate(config: application.config)
        let made = try await ReportMaker(application: application, database: database).make(options, printer: printer, freezing: actor)
        let newGoals = made.measurements.filter { $0.id == nil }
        let report = FrozenReport()
        (report.reportingDate, report.area, report.language) = (options.date.text, options.area, options.language.rawValue)
        (report.html, report.htmlSHA256) = (made.html, ReportMaker.sha256(made.html))
        (report.pdf, report.pdfSHA256, report.pages) = (made.pdf, made.pdf.map(ReportMaker.sha256), made.pages)
        (report.frozenAt, report.$frozenBy.id) = (Date(), actor.userID)
        do {
            try await database.transaction { database in
                // Goals frozen meanwhile by someone else: the report shows what it measured, and keeps that.
                if !newGoals.isEmpty, try await GoalMeasurement.query(on: database).filter(\.$reportingDate == options.date.text).count() == 0 {
                    try await GoalSnapshots(database: database, actor: actor).store(newGoals, day: options.date)
                }
                report.goalMeasurements = made.measurements.compactMap { $0.id?.uuidString }.joined(separator: ",")
                try await report.create(on: database)
                try await Audit.record(.create, .councilReport, id: try report.requireID().uuidString, changes: [
                    .value("reporting_date", old: nil, new: report.reportingDate), .value("area", old: nil, new: report.area),
                    .value("html_sha256", old: nil, new: report.htmlSHA256), .value("pdf_sha256", old: nil, new: report.pdfSHA256),
                ], by: actor, on: database)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidFields("date", taken)
        }
        return (report, made)
    }

    /// Every frozen report, latest reporting date first, without reading the files.
    static func list(on database: Database) async throws -> [Entry] {
        let sql = database as! any SQLDatabase
        let length = { (column: String) in SQLFunction("length", args: SQLColumn(column, table: "council_reports")) }
        let rows = try await sql.select()
            .columns(["id", "reporting_date", "area", "language", "html_sha256", "pdf_sha256", "pages", "frozen_at"].map { SQLColumn($0, table: "council_reports") })
            .column(SQLColumn("name", table: "users"))
            .column(length("html"), as: "html_bytes").column(length("pdf"), as: "pdf_bytes")
            .from("council_reports").join("users", method: SQLJoinMethod.left, on: SQLColumn("frozen_by", table: "council_reports"), .equal, SQLColumn("id", table: "users"))
            .orderBy(SQLOrderBy(expression: SQLColumn("reporting_date", table: "council_reports"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("area", table: "council_reports"), direction: SQLDirection.ascending))
            .orderBy(SQLOrderBy(expression: SQLColumn("language", table: "council_reports"), direction: SQLDirection.ascending))
            .all()
        return try rows.map { row in
            Entry(id: try row.decode(column: "id", as: UUID.self), date: try row.decode(column: "reporting_date", as: String.self),
                  area: try row.decode(column: "area", as: String.self), language: try row.decode(column: "language", as: String.self),
                  htmlSHA256: try row.decode(column: "html_sha256", as: String.self), pdfSHA256: try row.decode(column: "pdf_sha256", as: String?.self),
                  pages: try row.decode(column: "pages", as: Int?.self), htmlBytes: try row.decode(column: "html_bytes", as: Int.self),
                  pdfBytes: try row.decode(column: "pdf_bytes", as: Int?.self), frozenAt: try row.decode(column: "frozen_at", as: Date.self),
                  frozenBy: try row.decode(column: "name", as: String?.self))
        }
    }

    static func find(_ id: UUID?, on database: Database) async throws -> FrozenReport {
        try await FrozenReport.find(id, on: database, missing: localized("Dit rapport bestaat niet.", "This report does not exist."))
    }
}
