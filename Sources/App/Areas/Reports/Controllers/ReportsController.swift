import Foundation
import Vapor

/// Rapportage: the form that makes a report, a report made now as HTML or PDF, freezing one,
/// and a frozen report's files.
struct ReportsController {
    func index(_ request: Request) async throws -> Response {
        try await index(request, values: nil, problems: [], freezing: false)
    }

    /// The report of `datum`, `gebied`, `rapporttaal` made now: `formaat=html` (the default) or `pdf`.
    /// A bad choice shows the form again with the reason.
    func report(_ request: Request) async throws -> Response {
        let values = (date: request.queryText("datum"), area: request.queryText("gebied"),
                      language: request.queryText("rapporttaal"))
        let asPDF: Bool
        switch request.queryText("formaat") ?? "html" {
        case "html": asPDF = false
        case "pdf": asPDF = true
        case let other: throw Abort(.badRequest, reason: localized("formaat '\(other.prefix(20))' kan niet; kies html of pdf", "format '\(other.prefix(20))' is not possible; pick html or pdf"))
        }
        do {
            let options = try CouncilReport.Options.parse(date: values.date, area: values.area, language: values.language, config: request.application.config)
            let maker = ReportMaker(application: request.application, database: request.db)
            let name = "rapport-\(options.area)-\(options.date.text)-\(options.language.rawValue)"
            if asPDF {
                let made = try await maker.pdf(options)
                return Self.file(made.pdf!, type: "application/pdf", name: name + ".pdf")
            }
            return Self.file(try await maker.html(options).html, type: "text/html; charset=utf-8", name: nil)
        } catch let invalid as InvalidFields {
            let names = ["date": "datum", "area": "gebied", "language": "rapporttaal"]
            let response = try await index(request, values: values, problems: invalid.problems.map { FieldProblem(field: names[$0.field] ?? $0.field, reason: $0.reason) },
                                           freezing: false)
            response.status = .unprocessableEntity
            return response
        }
    }

    struct FreezeForm: Content {
        var date: String?
        var area: String?
        var language: String?
    }

    /// "Rapport vastleggen": freezes the report of the date sent; a refused choice shows the list again.
    func freeze(_ request: Request) async throws -> Response {
        let form = try request.checkedForm(FreezeForm.self)
        return try await request.saving({
            let options = try CouncilReport.Options.parse(date: form.date, area: form.area, language: form.language, config: request.application.config)
            _ = try await ReportArchive(application: request.application, database: request.db, actor: request.auditActor).freeze(options)
            return SiteURL.reports.path + "#vastgelegd"
        }, orShow: { try await index(request, values: (form.date, form.area, form.language), problems: $0, freezing: true) })
    }

    /// A frozen report's file, exactly as it was stored: `<id>.html` or `<id>.pdf`.
    func frozen(_ request: Request) async throws -> Response {
        let (report, isPDF) = try await Self.frozenReport(request)
        let name = "rapport-\(report.area)-\(report.reportingDate)-\(report.language)"
        if isPDF {
            guard let pdf = report.pdf else {
                throw Abort(.notFound, reason: localized("Bij dit rapport is geen PDF bewaard: Chromium was niet geïnstalleerd toen het werd vastgelegd.",
                                                         "No PDF was kept with this report: Chromium was not installed when it was frozen."))
            }
            return Self.file(pdf, type: "application/pdf", name: name + ".pdf", sha256: report.pdfSHA256)
        }
        return Self.file(report.html, type: "text/html; charset=utf-8", name: nil, sha256: report.htmlSHA256)
    }

    /// The frozen report an `:id` of `<uuid>.html` or `<uuid>.pdf` names, and whether it asks for the PDF.
    static func frozenReport(_ request: Request) async throws -> (FrozenReport, isPDF: Bool) {
        let file = request.parameters.get("id") ?? ""
        let parts = file.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, ["html", "pdf"].contains(parts[1]), let id = UUID(uuidString: String(parts[0])) else {
            throw Abort(.notFound, reason: localized("Dit rapport bestaat niet; een rapport heet <id>.html of <id>.pdf.",
                                                     "This report does not exist; a report is called <id>.html or <id>.pdf."))
        }
        return (try await ReportArchive.find(id, on: request.db), parts[1] == "pdf")
    }

    /// A report file: HTML shown in the browser, a PDF as a download, with its SHA-256 when frozen
    /// (`Repr-Digest`).
    /// The report's own content security policy allows no script or outside resource.
    static func file(_ data: Data, type: String, name: String?, sha256: String? = nil) -> Response {
        var headers: HTTPHeaders = ["Content-Type": type, "Content-Security-Policy": CouncilReport.contentSecurityPolicy]
        if let name { headers.add(name: "Content-Disposition", value: "attachment; filename=\"\(name)\"") }
        // RFC 9530: the digest of the stored bytes, as recorded when the report was frozen.
        if let sha256 {
            let bytes = stride(from: 0, to: sha256.count - 1, by: 2).compactMap { UInt8(sha256.dropFirst($0).prefix(2), radix: 16) }
            headers.add(name: "Repr-Digest", value: "sha-256=:\(Data(bytes).base64EncodedString()):")
        }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    private func index(_ request: Request, values: (date: String?, area: String?, language: String?)?, problems: [FieldProblem], freezing: Bool) async throws -> Response {
        guard let viewer = try await request.viewer() else { throw Abort(.unauthorized) }
        var model = try await ReportsIndex.query(config: request.application.config, mayFreeze: request.may(.editProgramme), on: request.db)
        if let values {
            (model.date, model.area, model.language) = (values.date ?? "", values.area ?? model.area, values.language ?? model.language)
        }
        (model.problems, model.freezing) = (problems, freezing)
        return .html(ReportsIndex.View(model: model, viewer: viewer).render())
    }
}
