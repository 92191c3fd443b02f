import Analysis
import Fluent
import Foundation
import Vapor

/// `vliegwiel export register [--area CODE|REGION] [--from Y] [--to Y]`: the register in
/// the Register CSV format on stdout, in a canonical order, so an export imported into an empty
/// database exports to the same bytes.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "table", help: "register")
        var table: String

        @Option(name: "area", help: "a municipality (GM and four digits) or the configured region's key; default all")
        var area: String?

        @Option(name: "from", help: "first year")
        var from: Int?

        @Option(name: "to", help: "last year")
        var to: Int?
    }

    var help: String { "Writes the register as CSV to standard output." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.table == "register" else {
            throw CLIError.usage("unknown export '\(signature.table)'; only 'register' can be exported")
        }
        let database = context.application.db
        try await context.application.migrate()
        let municipalities = try await Self.municipalities(for: signature.area, region: context.application.config.region, on: database)
        let from = signature.from ?? 1990, to = signature.to ?? 9999
        guard from <= to else { throw CLIError.usage("--from \(from) is after --to \(to)") }
        let records = try await RegisterStore(database).records(municipalities: municipalities, years: from...to)
        FileHandle.standardOutput.write(Data(RegisterCSV.write(records).utf8))
    }

    /// nil for every municipality; otherwise the codes the area stands for.
    static func municipalities(for area: String?, region: AppConfig.Region, on database: Database) async throws -> [String]? {
        guard let area else { return nil }
        if area.lowercased() == region.key { return region.members }
        guard let code = RegisterCSV.municipalityCode(area), try await Municipality.find(code, on: database) != nil else {
            throw CLIError.usage("--area '\(area)' is not a known municipality code (GM and four digits) or \(region.key)")
        }
        return [code]
    }
}
