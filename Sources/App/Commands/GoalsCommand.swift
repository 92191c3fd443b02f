import Fluent
import Foundation
import Vapor

/// `vliegwiel goals snapshot --date 2025-12-31`: freezes every goal's measurement on that date
/// (as "Vastleggen" on the Doelen page), and `vliegwiel goals list`: the goals with their status today.
struct GoalsCommands: AsyncCommandGroup {
    var help: String { "Freezes and lists the goals' measurements." }

    var commands: [String: any AnyAsyncCommand] {
        ["snapshot": GoalsCommand(action: "snapshot"), "list": GoalsCommand(action: "list")]
    }
}

struct GoalsCommand: AsyncCommand {
    var action: String

    struct Signature: CommandSignature {
        @Option(name: "date", help: "snapshot: the reporting date (yyyy-mm-dd), today or earlier") var date: String?
        init() {}
    }

    var help: String { "vliegwiel goals \(action)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let application = context.application
        try await application.migrate()
        switch action {
        case "snapshot":
            guard let text = signature.date else { throw CLIError.usage("--date is required, e.g. --date 2025-12-31") }
            guard let day = CalendarDay(text) else { throw CLIError.usage("--date '\(text.prefix(20))' is not a date like 2025-12-31") }
            let catalogue = try await IndicatorCatalogue.on(day, application: application, database: application.db)
            do {
                let measurements = try await GoalSnapshots(database: application.db, actor: .commandLine).freeze(catalogue: catalogue)
                try await Setting.dataChanged(on: application.db)
                context.console.print("Frozen \(day.text): \(measurements.filter { $0.rowKey.isEmpty }.count) goals, \(measurements.count) measurements.")
                for measurement in measurements {
                    let name = measurement.rowKey.isEmpty ? measurement.goalKey : "  \(measurement.rowKey)"
                    context.console.print("\(name): \(measurement.value.map(Format.plain) ?? "-") (\(measurement.status?.rawValue ?? measurement.problem ?? "-"))")
                }
            } catch let invalid as InvalidFields {
                throw CLIError.rejected("--\(invalid.description)")
            }
        default:
            let catalogue = try await IndicatorCatalogue.on(application: application, database: application.db)
            for goal in try await GoalEvaluation.evaluate(try await GoalService.all(on: application.db), catalogue: catalogue) {
                context.console.print("\(goal.key): \(goal.current?.value.map { Format.plain($0.value) } ?? "-") of \(Format.plain(goal.progress.target)) by \(goal.progress.deadline.text), \(goal.status?.rawValue ?? "no value")")
            }
        }
    }
}
