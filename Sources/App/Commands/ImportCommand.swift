import Analysis
import Foundation
import Vapor

/// `vliegwiel import register|national|population|municipal-figures|ecosystem|organisations|people FILE`: checks every row, then imports the
/// whole file or nothing.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "register, national, population, municipal-figures, ecosystem, organisations or people")
        var kind: String

        @Argument(name: "file", help: "CSV file in the data contract's format (see README)")
        var file: String
    }

    var help: String { "Imports a register, national totals, population, all municipalities' totals, ecosystem scores, organisations or people CSV (all or nothing)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let application = context.application
        try await application.migrate()
        let importer = Importer(database: application.db)
        let console = context.console
        let started = Date()
        let summary: Importer.Summary
        do {
            switch signature.kind {
            case "register":
                summary = try await importer.importRegister(path: signature.file) { written in
                    let seconds = max(Date().timeIntervalSince(started), 0.001)
                    console.output("\r\(Format.integer(written)) rows written, \(Format.integer(Int(Double(written) / seconds))) rows/s ".consoleText(), newLine: false)
                }
                console.print()
            case "national": summary = try await importer.importNational(path: signature.file)
            case "population": summary = try await importer.importPopulation(path: signature.file)
            case "organisations": summary = try await importer.importOrganisations(path: signature.file)
            case "people": summary = try await importer.importPeople(path: signature.file)
            case "municipal-figures": summary = try await importer.importMunicipalFigures(path: signature.file)
            case "ecosystem": summary = try await importer.importEcosystem(path: signature.file)
            default: throw CLIError.usage("unknown import kind '\(signature.kind)'; use register, national, population, municipal-figures, ecosystem, organisations or people")
            }
        } catch let rejected as ImportRejected {
            throw CLIError.rejected(rejected.report())
        }
        console.print("Imported \(summary.file): \(Format.integer(summary.rows)) rows in \(Format.decimal(summary.seconds, digits: 2)) s (\(Format.integer(Int(summary.rowsPerSecond))) rows/s).")
        // New figures: every signpost is read again, and a new trigger raises an alert.
        do {
            let outcome = try await SignpostWatch.run(application: application, database: application.db, actor: .commandLine)
            if outcome.evaluated > 0 {
                console.print("Signposts read: \(outcome.evaluated); newly triggered: \(outcome.raised.count).")
                for alert in outcome.raised { console.print("  ALERT \(alert.message)") }
            }
        } catch {
            console.warning("The import is in, but the signposts could not be read: \(error). Read them on the Signalen page or with POST /api/v1/signposts/evaluate.")
        }
        try await Setting.dataChanged(on: application.db)
    }
}

/// A command failure whose message is meant for the person at the terminal.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case rejected(String)

    var description: String {
        switch self {
        case .usage(let message), .rejected(let message): message
        }
    }
}
