import Crypto
import Fluent
import Foundation
import Vapor

/// Makes the council report's files from its model: the HTML, and the PDF Chromium prints from
/// it. A first printing shows on which page each chapter starts; the table of contents is then
/// filled in and printed again (its length does not change, so neither do the pages).
struct ReportMaker {
    let application: Application
    let database: Database

    struct Made: Sendable {
        let html: Data
        let pdf: Data?
        let pages: Int?
        let measurements: [GoalMeasurement]
        let isDemo: Bool
        /// Seconds to gather and render the HTML, and to print the PDF (both printings).
        let htmlSeconds: Double
        let pdfSeconds: Double?
    }

    /// The report as HTML alone (no Chromium needed).
    func html(_ options: CouncilReport.Options) async throws -> Made {
        try await make(options, printer: nil)
    }

    /// The report as HTML and PDF; refused with what to install when there is no Chromium.
    func pdf(_ options: CouncilReport.Options) async throws -> Made {
        try await make(options, printer: try PDFPrinter.locate(config: application.config))
    }

    /// `freezing`: made to be frozen by this actor (see `CouncilReport.query`).
    func make(_ options: CouncilReport.Options, printer: PDFPrinter?, freezing actor: Audit.Actor? = nil) async throws -> Made {
        try await Language.$current.withValue(options.language) {
            let start = ContinuousClock.now
            let model = try await CouncilReport.query(options, application: application, on: database, freezing: actor)
            var html = Data(CouncilReport.View(model: model).render().utf8)
            let htmlSeconds = (ContinuousClock.now - start).seconds
            guard let printer else {
                return Made(html: html, pdf: nil, pages: nil, measurements: model.goals.measurements, isDemo: model.isDemo, htmlSeconds: htmlSeconds, pdfSeconds: nil)
            }
            let printing = ContinuousClock.now
            var pdf = try await printer.print(html)
            var outline = PDFOutline(pdf)
            // Until the contents' numbers are the pages the chapters are printed on (the second
            // printing, unless a number's width moved a page break; at most three).
            var printed: [CouncilReport.Chapter: Int] = [:]
            for _ in 0..<2 {
                let pages = Self.chapterPages(in: outline)
                guard pages != printed, !pages.isEmpty else { break }
                html = Data(CouncilReport.View(model: model, pages: pages).render().utf8)
                pdf = try await printer.print(html)
                outline = PDFOutline(pdf)
                printed = pages
            }
            return Made(html: html, pdf: pdf, pages: outline.pageCount, measurements: model.goals.measurements, isDemo: model.isDemo,
                        htmlSeconds: htmlSeconds, pdfSeconds: (ContinuousClock.now - printing).seconds)
        }
    }

    /// The page each chapter starts on, from the PDF's outline.
    static func chapterPages(in outline: PDFOutline) -> [CouncilReport.Chapter: Int] {
        var pages: [CouncilReport.Chapter: Int] = [:]
        for chapter in CouncilReport.Chapter.allCases { pages[chapter] = outline.page(of: chapter.title) }
        return pages
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hex
    }
}

