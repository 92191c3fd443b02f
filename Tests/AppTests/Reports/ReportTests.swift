@testable import App
import Crypto
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Rapportage (issue 18): the council report holds the pages' figures on its date, in either
/// language and without people's names; as PDF it has its contents with page numbers, page
/// numbers on every page and the demo label; a frozen report stays byte for byte the same after
/// an import; bad choices are refused by name at every entry point.
struct ReportTests {
    typealias API = RelationsAPITests
    typealias Web = OrganisationTests

    /// Chromium prints the PDF and `pdftotext` reads it back. `.ci/run` installs both and sets
    /// `VLIEGWIEL_REQUIRE_PDF`, so there the PDF tests always run (and fail without them).
    static let canPrint: Bool = {
        if ProcessInfo.processInfo.environment["VLIEGWIEL_REQUIRE_PDF"] == "1" { return true }
        return (try? PDFPrinter.locate(config: AppConfig(database: .sqliteInMemory))) != nil && executable("pdftotext") != nil
    }()

    static func executable(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text of a PDF, page by page (`pdftotext -layout`).
    static func pages(of pdf: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable("pdftotext"), "install poppler-utils"))
        process.arguments = ["-layout", pdf, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The goals as the goals page measures them on the day (the report's one source).
    static func goals(on day: CalendarDay, in app: Application) async throws -> [GoalEvaluation] {
        let catalogue = try await IndicatorCatalogue.on(day, application: app, database: app.db)
        return try await GoalEvaluation.evaluate(try await GoalService.all(on: app.db), catalogue: catalogue)
    }

    @Test func theReportHoldsThePagesFiguresOnItsDateWithoutPeople() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(GoalTests.register))
            let (headers, _) = try await API.token(.adviser, in: app)
            _ = try await API.call(.POST, "/api/v1/people", #"{"name":"Annemarie Zwartjes","email":"a.zwartjes@bakkerij.example"}"#, headers: headers, in: app)
            let session = try await app.session(as: .viewer)
            let response = try await Web.get("/rapportage/rapport?datum=2025-12-31&gebied=GM0193&formaat=html", as: session, in: app)
            #expect(response.status == .ok && response.headers.contentType?.description.hasPrefix("text/html") == true)
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            let html = response.body.string
            #expect(html.contains("<h1>Voortgang Economisch Perspectief Zwolle</h1>"))
            // Register year 2018 (the latest up to the date): 85 jobs, 3 establishments; 25 jobs in 2015.
            #expect(html.contains("<p class=\"value\">85</p><p class=\"change\">+60 (+240,0%) sinds 2015</p>"), "jobs with their change")
            #expect(html.contains("registerjaar 2018"))
            // Every goal with the value and status the goals page gives on that date.
            let goals = try await Self.goals(on: CalendarDay("2025-12-31")!, in: app)
            #expect(goals.count == 4)
            for goal in goals {
                #expect(html.contains("<tr><td>\(goal.title.htmlEscaped)</td>"), "\(goal.title)")
                let row = try #require(html.range(of: "<tr><td>\(goal.title.htmlEscaped)</td>").map { String(html[$0.upperBound...].prefix(400)) })
                #expect(row.contains(goal.status?.label ?? "geen waarde"), "\(goal.title): \(row)")
                #expect(row.contains(Format.figure(goal.expected)), "\(goal.title): \(row)")
            }
            for cluster in try await Cluster.query(on: app.db).all() { #expect(html.contains(cluster.name.htmlEscaped), "\(cluster.name)") }
            for chapter in CouncilReport.Chapter.allCases { #expect(html.contains("<h2>\(chapter.title)</h2>"), "\(chapter)") }
            #expect(!html.contains("Zwartjes") && !html.contains("bakkerij.example"), "no people in the report")
            #expect(!html.contains("DEMODATA"), "real data carries no demo label")
            #expect(!html.contains("<script") && !html.contains("src=\"http"), "nothing from elsewhere")

            // In English, with English numbers.
            let english = try await Web.get("/rapportage/rapport?datum=2025-12-31&rapporttaal=en", as: session, in: app).body.string
            #expect(english.contains("<html lang=\"en\">") && english.contains("Progress of the Economic Perspective, Zwolle") && english.contains("+60 (+240.0%) since 2015"))
            #expect(english.contains("counter(page) \" of \" counter(pages)"))
        }
    }

    @Test(.enabled(if: ReportTests.canPrint, "needs chromium and pdftotext (poppler-utils)"))
    func thePDFHasContentsPageNumbersKeyFiguresAndTheDemoLabelOnEveryPage() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(GoalTests.register))
            try await Setting(.dataset, "demo").save(on: app.db)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).pdf").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let line = try await ReportCommand.write(date: "2025-12-31", area: nil, language: nil, format: "pdf", output: file, application: app)
            #expect(line.contains("pages") && line.contains("PDF printed in"), "\(line)")
            let pdf = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(pdf.starts(with: Data("%PDF".utf8)))
            let outline = PDFOutline(pdf)
            let starts = CouncilReport.Chapter.allCases.compactMap { outline.page(of: $0.title) }
            #expect(starts.count == CouncilReport.Chapter.allCases.count && starts == starts.sorted() && starts.first == 2 && starts.last! <= outline.pageCount,
                    "every chapter in the outline, in order, from page 2: \(starts) of \(outline.pageCount)")

            let pages = try Self.pages(of: file)
            #expect(pages.count == outline.pageCount)
            for (index, page) in pages.enumerated() {
                #expect(page.contains("Pagina \(index + 1) van \(pages.count)"), "page number on page \(index + 1)")
                #expect(page.contains("DEMODATA"), "demo label on page \(index + 1)")
            }
            // The contents give each chapter's first page, as the outline has it.
            let contents = pages[0].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for chapter in CouncilReport.Chapter.allCases {
                let entry = contents.first { $0.hasPrefix(chapter.title) }
                #expect(entry?.hasSuffix(" \(outline.page(of: chapter.title)!)") == true, "\(chapter.title): \(entry ?? "missing")")
                #expect(pages[outline.page(of: chapter.title)! - 1].contains(chapter.title))
            }
            let text = pages.joined(separator: "\n")
            #expect(text.contains("85") && text.contains("+60 (+240,0%)"), "the jobs figure")
            for goal in try await Self.goals(on: CalendarDay("2025-12-31")!, in: app) {
                let words = goal.title.split(separator: " ").prefix(3).joined(separator: " ")
                #expect(text.contains(words), "\(goal.title)")
                #expect(text.contains(goal.status?.label ?? "geen waarde"))
            }
            for cluster in try await Cluster.query(on: app.db).all() {
                #expect(text.contains(cluster.name.split(separator: " ").first!), "\(cluster.name)")
            }
        }
    }

    @Test func aFrozenReportStaysByteForByteTheSameAfterAnImport() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(GoalTests.register))
            let adviser = try await app.session(as: .adviser)
            let frozen = try await Web.post("/rapportage", ["date": "2025-12-31", "area": "GM0193", "language": "nl"], as: adviser, in: app)
            #expect(frozen.status == .seeOther, "\(frozen.body.string)")
            let report = try #require(try await FrozenReport.query(on: app.db).first())
            #expect(report.htmlSHA256 == SHA256.hash(data: report.html).hex && report.$frozenBy.id == adviser.user.id)
            #expect(try await GoalMeasurement.query(on: app.db).filter(\.$reportingDate == "2025-12-31").count() == 7, "the goals of the date frozen with it")
            #expect(report.goalMeasurements.split(separator: ",").count == 7)
            let id = try report.requireID().uuidString
            let html = try await Web.get("/rapportage/\(id).html", as: adviser, in: app)
            #expect(html.status == .ok && Data(html.body.readableBytesView) == report.html)
            #expect(html.headers.first(name: "Repr-Digest") == "sha-256=:\(Data(SHA256.hash(data: report.html)).base64EncodedString()):")
            let pdf = try await Web.get("/rapportage/\(id).pdf", as: adviser, in: app)
            if let stored = report.pdf {
                #expect(pdf.status == .ok && Data(pdf.body.readableBytesView) == stored && report.pdfSHA256 == SHA256.hash(data: stored).hex)
            } else {
                #expect(pdf.status == .notFound && pdf.body.string.contains("Chromium"))
            }

            // A new register year arrives: a report made now differs, the frozen one does not.
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ImportTests.header + "\n000000000004,00000004,Nieuw Vier,62.01,8014AB,GM0193,2019,40,0,2019"))
            let now = try await Web.get("/rapportage/rapport?datum=2025-12-31", as: adviser, in: app).body.string
            #expect(now.contains("registerjaar 2019"))
            #expect(Data(try await Web.get("/rapportage/\(id).html", as: adviser, in: app).body.readableBytesView) == report.html)
            if let stored = report.pdf { #expect(Data(try await Web.get("/rapportage/\(id).pdf", as: adviser, in: app).body.readableBytesView) == stored) }

            // The same date again is refused; the list and the API show the one report.
            let again = try await Web.post("/rapportage", ["date": "2025-12-31", "area": "GM0193", "language": "nl"], as: adviser, in: app)
            #expect(again.status == .unprocessableEntity && again.body.string.contains("al vastgelegd"))
            #expect(try await FrozenReport.query(on: app.db).count() == 1)
            #expect(try await Web.get("/rapportage", as: adviser, in: app).body.string.contains("/rapportage/\(id).html"))
            let (viewer, _) = try await API.token(.viewer, in: app)
            let list = try API.object(try await API.call(.GET, "/api/v1/reports", nil, headers: viewer, in: app))
            let first = try #require((list["data"] as? [[String: Any]])?.first)
            #expect(list["total"] as? Int == 1 && first["date"] as? String == "2025-12-31" && first["html_sha256"] as? String == report.htmlSHA256)
            let file = try await API.call(.GET, "/api/v1/reports/\(id).html", nil, headers: viewer, in: app)
            #expect(Data(file.body.readableBytesView) == report.html)
            #expect(try await API.call(.POST, "/api/v1/reports", #"{"date":"2025-12-31","language":"en"}"#, headers: viewer, in: app).status == .forbidden)

            // Through the API: another language is a report of its own; bad values are named.
            let (adviserToken, _) = try await API.token(.adviser, in: app)
            let english = try await API.call(.POST, "/api/v1/reports", #"{"date":"2025-12-31","language":"en"}"#, headers: adviserToken, in: app)
            #expect(try english.status == .created && API.object(english)["language"] as? String == "en", "\(english.body.string)")
            for (body, field) in [(#"{"date":"31-12-2025"}"#, "date"), (#"{"date":"2025-12-31","area":"GM9999"}"#, "area"), (#"{"date":"2025-12-31","language":"de"}"#, "language"), (#"{}"#, "date")] {
                let refused = try await API.call(.POST, "/api/v1/reports", body, headers: adviserToken, in: app)
                #expect(refused.status == .unprocessableEntity && refused.headers.contentType?.description == "application/problem+json" && refused.body.string.contains("\"\(field)\""),
                        "\(body): \(refused.body.string)")
            }
            #expect(try await FrozenReport.query(on: app.db).count() == 2)
            #expect(try await API.call(.GET, "/api/v1/reports/\(UUID().uuidString).pdf", nil, headers: viewer, in: app).status == .notFound)
            #expect(try await API.call(.GET, "/api/v1/reports/../../etc/passwd", nil, headers: viewer, in: app).status == .notFound)
        }
    }

    @Test func badChoicesAreRefusedByNameAndAMissingChromiumIsExplained() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(GoalTests.register))
            app.config.chromium = "/nonexistent/chromium"
            let session = try await app.session(as: .viewer)
            for (query, field, message) in [("datum=2025-02-30", "datum", "geen datum"), ("datum=", "datum", "verplicht"),
                                            ("datum=2025-12-31&gebied=GM9999", "gebied", "geen gemeente"), ("datum=2025-12-31&rapporttaal=de", "rapporttaal", "nl of en"),
                                            ("datum=\(CalendarDay.today.monthsEarlier(-1).text)", "datum", "in de toekomst"),
                                            ("datum=2001-06-30", "datum", "vóór de eerste registergegevens")] {
                let response = try await Web.get("/rapportage/rapport?\(query)", as: session, in: app)
                #expect(response.status == .unprocessableEntity, "\(query): \(response.status)")
                #expect(response.body.string.contains("href=\"#\(field)\"") && response.body.string.contains(message), "\(query): the field is named with the reason")
            }
            #expect(try await Web.get("/rapportage/rapport?datum=2025-12-31&formaat=docx", as: session, in: app).status == .badRequest)
            // Without Chromium: the HTML works, the PDF says what to install.
            #expect(try await Web.get("/rapportage/rapport?datum=2025-12-31", as: session, in: app).status == .ok)
            let pdf = try await Web.get("/rapportage/rapport?datum=2025-12-31&formaat=pdf", as: session, in: app)
            #expect(pdf.status == .serviceUnavailable && pdf.body.string.contains("VLIEGWIEL_CHROMIUM"), "\(pdf.body.string.prefix(300))")
            let index = try await Web.get("/rapportage", as: session, in: app).body.string
            #expect(index.contains("VLIEGWIEL_CHROMIUM wijst niet naar een uitvoerbaar programma") && !index.contains("/nonexistent") && index.contains("disabled"))
            // The command line: each bad option named, nothing written.
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
            for (arguments, message) in [(("2025-12-31", "docx", output), "--format"), (("2025-12-31", "html", ""), "--output"),
                                         (("2025-13-01", "html", output), "--date"), (("2025-12-31", "pdf", output), "VLIEGWIEL_CHROMIUM")] {
                do {
                    _ = try await ReportCommand.write(date: arguments.0, area: nil, language: nil, format: arguments.1, output: arguments.2, application: app)
                    Issue.record("\(arguments) was accepted")
                } catch let error as CLIError {
                    #expect(error.description.contains(message), "\(arguments): \(error)")
                }
                #expect(!FileManager.default.fileExists(atPath: output))
            }
            let line = try await ReportCommand.write(date: "2025-12-31", area: "regio-zwolle", language: "en", format: "html", output: output, application: app)
            defer { try? FileManager.default.removeItem(atPath: output) }
            #expect(try line.contains("Wrote") && String(contentsOfFile: output, encoding: .utf8).contains("Economy of Regio Zwolle"))
        }
    }

    /// A decision's text may name a person; erasing the person scrubs the frozen report's HTML
    /// (with its new SHA-256) and removes its PDF, and the trail says so.
    @Test func erasingAPersonScrubsAFrozenReportThatNamedThem() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(GoalTests.register))
            let adviser = try await app.session(as: .adviser)
            let (headers, _) = try await API.token(.admin, in: app)
            let person = try API.object(try await API.call(.POST, "/api/v1/people", #"{"name":"Annemarie Zwartjes"}"#, headers: headers, in: app))["id"] as! String
            #expect(try await Web.post("/programma", ["name": "Innovatiedistrict", "phase": "assessment"], as: adviser, in: app).status == .seeOther)
            let project = try #require(try await Project.query(on: app.db).first()).requireID()
            #expect(try await Web.post("/programma/overleggen", ["date": "2025-11-20", "title": "Aanjaagteam"], as: adviser, in: app).status == .seeOther)
            let meeting = try #require(try await Meeting.query(on: app.db).first()).requireID()
            #expect(try await Web.post("/programma/overleggen/\(meeting)/besluiten", ["decision": "Annemarie Zwartjes trekt het project", "project": project.uuidString],
                                       as: adviser, in: app).status == .seeOther)
            #expect(try await Web.post("/rapportage", ["date": "2025-12-31", "area": "GM0193", "language": "nl"], as: adviser, in: app).status == .seeOther)
            let before = try #require(try await FrozenReport.query(on: app.db).first())
            #expect(String(decoding: before.html, as: UTF8.self).contains("Annemarie Zwartjes trekt het project"), "decisions since the last report are in it")

            #expect(try await API.call(.POST, "/api/v1/people/\(person)/erase", headers: headers, in: app).status == .noContent)
            let after = try #require(try await FrozenReport.query(on: app.db).first())
            let html = String(decoding: after.html, as: UTF8.self)
            #expect(!html.contains("Zwartjes") && html.contains("[gewist] trekt het project"))
            #expect(after.htmlSHA256 == SHA256.hash(data: after.html).hex && after.htmlSHA256 != before.htmlSHA256 && after.pdf == nil && after.pdfSHA256 == nil)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "council_report").filter(\.$action == .update).count() == 1)
        }
    }
}
