import Foundation
import Vapor

/// `vliegwiel report --date 2025-12-31 [--area GM0193] [--language nl|en] --format html|pdf --output FILE`:
/// the council report of a reporting date, as the Rapportage page makes it, written to a file.
/// Prints the pages (PDF) and how long making the HTML and printing the PDF took.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "date", help: "the reporting date, as 2025-12-31") var date: String?
        @Option(name: "area", help: "the area of the economy chapter: a CBS municipality code or the region (default: the home municipality)") var area: String?
        @Option(name: "language", help: "nl (the default) or en") var language: String?
        @Option(name: "format", help: "html or pdf") var format: String?
        @Option(name: "output", help: "the file to write") var output: String?
        init() {}
    }

    var help: String { "Writes the council report of a reporting date as HTML or PDF." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.migrate()
        context.console.print(try await Self.write(date: signature.date, area: signature.area, language: signature.language,
                                                   format: signature.format, output: signature.output, application: context.application))
    }

    /// Makes the report and writes it; the line the command prints. Bad options are refused
    /// naming the option, before anything is written.
    static func write(date: String?, area: String?, language: String?, format: String?, output: String?, application: Application) async throws -> String {
        guard let format = format?.lowercased(), ["html", "pdf"].contains(format) else {
            throw CLIError.usage("--format must be html or pdf" + (format.map { ", not '\($0.prefix(20))'" } ?? ""))
        }
        guard let output, !output.isEmpty else { throw CLIError.usage("--output FILE is required") }
        let options: CouncilReport.Options
        do {
            options = try CouncilReport.Options.parse(date: date, area: area, language: language, config: application.config)
        } catch let invalid as InvalidFields {
            throw CLIError.usage(invalid.problems.map { "--\($0.field): \($0.reason)" }.joined(separator: "; "))
        }
        let maker = ReportMaker(application: application, database: application.db)
        let made: ReportMaker.Made
        do {
            made = format == "pdf" ? try await maker.pdf(options) : try await maker.html(options)
        } catch let abort as any AbortError {
            throw CLIError.rejected(abort.reason)
        } catch let invalid as InvalidFields {
            throw CLIError.rejected(invalid.problems.map { "--\($0.field): \($0.reason)" }.joined(separator: "; "))
        }
        let data = format == "pdf" ? made.pdf! : made.html
        do { try data.write(to: URL(fileURLWithPath: output)) } catch {
            throw CLIError.rejected("cannot write \(output): \(error.localizedDescription)")
        }
        var line = "Wrote \(output): \(format.uppercased()), \(Format.integer(data.count)) bytes"
        if let pages = made.pages { line += ", \(pages) pages" }
        line += "; HTML made in \(Format.decimal(made.htmlSeconds, digits: 2)) s"
        if let seconds = made.pdfSeconds { line += ", PDF printed in \(Format.decimal(seconds, digits: 2)) s (two printings: the second with the contents' page numbers)" }
        return line + (made.isDemo ? ". Demo data." : ".")
    }
}
