import Foundation
import Vapor

/// `/api/v1/reports`: the frozen council reports, freezing one (`POST {date, area, language}`),
/// and a report's files (`/api/v1/reports/{id}.html` and `.pdf`), byte for byte as frozen.
enum ReportsAPI {
    struct Report: Content {
        let id: UUID
        let date: String
        let area: String
        let language: String
        let pages: Int?
        let htmlSHA256: String
        let pdfSHA256: String?
        let htmlBytes: Int
        let pdfBytes: Int?
        let frozenAt: Date
        let html: String
        let pdf: String?

        enum CodingKeys: String, CodingKey {
            case id, date, area, language, pages, html, pdf
            case htmlSHA256 = "html_sha256", pdfSHA256 = "pdf_sha256", htmlBytes = "html_bytes", pdfBytes = "pdf_bytes", frozenAt = "frozen_at"
        }

        init(_ entry: ReportArchive.Entry) {
            (id, date, area, language, pages) = (entry.id, entry.date, entry.area, entry.language, entry.pages)
            (htmlSHA256, pdfSHA256, htmlBytes, pdfBytes, frozenAt) = (entry.htmlSHA256, entry.pdfSHA256, entry.htmlBytes, entry.pdfBytes, entry.frozenAt)
            html = "/api/v1/reports/\(entry.id.uuidString).html"
            pdf = entry.pdfSHA256 == nil ? nil : "/api/v1/reports/\(entry.id.uuidString).pdf"
        }
    }

    @Sendable static func list(_ request: Request) async throws -> APIPage<Report> {
        let page = try request.page("page"), size = try request.integer("page_size", in: QueryLimit.pageSize) ?? 50
        let all = try await ReportArchive.list(on: request.db)
        return APIPage(data: all.dropFirst((page - 1) * size).prefix(size).map(Report.init), page: page, pageSize: size, total: all.count, request: request)
    }

    struct FreezeInput: Content {
        var date: String?
        var area: String?
        var language: String?
    }

    /// Freezes the report of the date (201, with its record); refused as 422 naming the field.
    @Sendable static func freeze(_ request: Request) async throws -> Response {
        let input = try request.content.decode(FreezeInput.self)
        let options = try CouncilReport.Options.parse(date: input.date, area: input.area, language: input.language, config: request.application.config)
        let (report, _) = try await ReportArchive(application: request.application, database: request.db, actor: request.auditActor).freeze(options)
        let entry = ReportArchive.Entry(id: try report.requireID(), date: report.reportingDate, area: report.area, language: report.language,
                                        htmlSHA256: report.htmlSHA256, pdfSHA256: report.pdfSHA256, pages: report.pages, htmlBytes: report.html.count,
                                        pdfBytes: report.pdf?.count, frozenAt: report.frozenAt, frozenBy: nil)
        let response = try await Report(entry).encodeResponse(status: .created, for: request)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/reports/\(entry.id.uuidString).html")
        return response
    }

    @Sendable static func file(_ request: Request) async throws -> Response {
        try await ReportsController().frozen(request)
    }
}
