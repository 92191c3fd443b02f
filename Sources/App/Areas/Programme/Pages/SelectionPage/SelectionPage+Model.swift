import Fluent
import Foundation

/// Programma > Selectie: the programme for a budget: the set of projects with the highest total
/// score whose municipal shares fit, found exactly, with the projects that just missed and why.
enum SelectionPage {
    struct Model: Sendable {
        let budget: String?
        let method: ProgrammeRanking.Method
        let selection: ProgrammeRanking.Selection?
        /// The projects the ranking leaves out, and why.
        let left: [ProgrammeRanking.Left]
        var problems: [FieldProblem] = []
    }

    /// `budget` as typed; nothing is selected until there is one.
    static func query(budget text: String?, method: ProgrammeRanking.Method, on database: Database) async throws -> Model {
        let ranking = try await ProgrammeRanking.load(weights: try await ProgrammeWeights.current(on: database), on: database)
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return Model(budget: nil, method: method, selection: nil, left: ranking.left)
        }
        do {
            let budget = try budgetValue(text)
            return Model(budget: text, method: method, selection: try ranking.selection(budget: budget, method: method), left: ranking.left)
        } catch let invalid as InvalidFields {
            return Model(budget: text, method: method, selection: nil, left: ranking.left, problems: invalid.problems)
        }
    }

    /// A budget in euros: a number, 0 or more, at most a billion.
    static func budgetValue(_ text: String) throws -> Double {
        var check = FieldCheck()
        let budget = ProjectInput.euros(&check, "budget", text)
        if budget == nil, check.problems.isEmpty { check.report("budget", localized("is verplicht", "is required")) }
        try check.throwIfAny()
        return budget!
    }
}
