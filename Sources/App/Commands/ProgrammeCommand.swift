import Fluent
import Foundation
import Vapor

/// `vliegwiel programme [--method wsm|topsis] [--budget EUROS] [--timings]`: the projects ranked
/// at the saved weights, how far each weight can move before the top changes, and (with
/// `--budget`) the programme for that budget — the figures of the Rangorde and Selectie pages.
/// `--timings` prints to stderr how long loading and each computation took.
struct ProgrammeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "method", help: "wsm (weighted sum, the default) or topsis") var method: String?
        @Option(name: "budget", help: "the municipal budget in euros, for the selection") var budget: String?
        @Flag(name: "timings", help: "print how long each step took to stderr") var timings: Bool
        init() {}
    }

    var help: String { "Ranks the programme's projects, with the weights' sensitivity and the selection for a budget." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.migrate()
        let (text, timings) = try await Self.report(method: signature.method, budget: signature.budget, on: context.application.db)
        context.console.print(text)
        if signature.timings {
            let steps = timings.map { "\($0.step) \(Format.decimal($0.milliseconds, digits: 2)) ms" }.joined(separator: ", ")
            let computing = timings.filter { $0.step != "load" }.map(\.milliseconds).reduce(0, +)
            FileHandle.standardError.write(Data("timings: \(steps); computing without loading \(Format.decimal(computing, digits: 2)) ms\n".utf8))
        }
    }

    /// The text the command prints, and how long each step took.
    static func report(method text: String?, budget budgetText: String?, on database: Database) async throws -> (text: String, timings: [(step: String, milliseconds: Double)]) {
        guard let method = ProgrammeRanking.Method(rawValue: (text ?? "wsm").lowercased()) else {
            throw CLIError.usage("--method '\((text ?? "").prefix(20))' is not wsm or topsis")
        }
        var budget: Double?
        if let budgetText {
            do { budget = try SelectionPage.budgetValue(String(budgetText.prefix(40))) } catch let invalid as InvalidFields {
                throw CLIError.usage("--budget '\(budgetText.prefix(20))': \(invalid.problems.map(\.reason).joined(separator: "; "))")
            }
        }
        var timings: [(step: String, milliseconds: Double)] = []
        func timed<T>(_ step: String, _ work: () async throws -> T) async rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try await work()
            timings.append((step, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
            return result
        }
        let weights = try await ProgrammeWeights.current(on: database)
        let ranking = try await timed("load") { try await ProgrammeRanking.load(weights: weights, on: database) }
        let rows = await timed("ranking") { ranking.rows(method) }
        var lines = ["Ranking (\(method.label)), \(rows.count) projects ranked, \(ranking.left.count) not ranked."]
        lines += rows.prefix(20).map { "\(String($0.rank).leftPadded(4))  \(Format.decimal($0.score, digits: 3).leftPadded(6))  \($0.candidate.name)" }
        if let sensitivity = await timed("sensitivity", { ranking.sensitivity(method) }) {
            lines.append("On top: \(sensitivity.top.name). Another project comes out on top when a weight moves to:")
            let move = { (move: ProgrammeRanking.Sensitivity.Move?) in move.map { "\(Format.percent($0.weight)) (\($0.newTop))" } ?? "never" }
            lines += sensitivity.criteria.map { "  \($0.criterion.rawValue): now \(Format.percent($0.weight)); up \(move($0.up)); down \(move($0.down))" }
        }
        if let budget {
            do {
                let selection = try await timed("selection") { try ranking.selection(budget: budget, method: method) }
                lines.append("Programme for \(Format.euros(budget)): \(selection.chosen.count + selection.alsoIn.count) projects, score \(Format.decimal(selection.totalScore, digits: 3)), municipal share \(Format.euros(selection.totalCost)).")
                lines += selection.chosen.map { "  \($0.candidate.name)" } + selection.alsoIn.map { "  \($0.name) (running or must include)" }
            } catch let invalid as InvalidFields {
                throw CLIError.rejected("--budget: \(invalid.problems.map(\.reason).joined(separator: "; "))")
            }
        }
        return (lines.joined(separator: "\n"), timings)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
