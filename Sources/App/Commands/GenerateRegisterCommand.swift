import Analysis
import Foundation
import Vapor

/// `vliegwiel generate-register --establishments N --from Y --to Y --seed S [--output FILE]`:
/// a deterministic synthetic register for all municipalities (see `SyntheticRegister`) in the
/// Register CSV format, on stdout or in a file. For benchmarks; the companies are fictional.
struct GenerateRegisterCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "establishments", help: "establishments in each year (required)") var establishments: Int?
        @Option(name: "from", help: "first year (required)") var from: Int?
        @Option(name: "to", help: "last year (required)") var to: Int?
        @Option(name: "seed", help: "seed; the same seed gives the same file (default 1)") var seed: String?
        @Option(name: "output", help: "file to write; default standard output") var output: String?
    }

    var help: String { "Writes a synthetic register of all municipalities (fictional companies) as CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let generator = try Self.generator(signature)
        let reference = try ReferenceData.shared.get()
        let handle: FileHandle
        if let path = signature.output {
            guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
                throw CLIError.usage("cannot write \(path)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        let clock = ContinuousClock(), started = clock.now
        let summary = try generator.generate(reference: reference) { try handle.write(contentsOf: $0) }
        if signature.output != nil { try handle.close() }
        let seconds = (clock.now - started) / .seconds(1)
        FileHandle.standardError.write(Data("""
            Synthetic register: \(Format.integer(summary.rows)) rows, \(Format.integer(summary.establishments)) establishments, \
            \(Format.integer(summary.bytes / 1_000_000)) MB in \(Format.decimal(seconds)) s

            """.utf8))
    }

    static func generator(_ signature: Signature) throws -> SyntheticRegister {
        guard let count = signature.establishments, let from = signature.from, let to = signature.to else {
            throw CLIError.usage("--establishments, --from and --to are required")
        }
        guard count > 0, count <= 50_000_000 else { throw CLIError.usage("--establishments must be between 1 and 50000000, not \(count)") }
        let allowed = RegisterCSV.Rules.defaultYears()
        guard allowed.contains(from), allowed.contains(to), from <= to else {
            throw CLIError.usage("--from and --to must be years in \(allowed.lowerBound)...\(allowed.upperBound) with --from not after --to")
        }
        let seedText = signature.seed ?? "1"
        guard let seed = UInt64(seedText) else { throw CLIError.usage("--seed must be a whole number, not '\(seedText)'") }
        return SyntheticRegister(establishments: count, years: from...to, seed: seed)
    }
}
