import Fluent
import Foundation

/// Programma > one project: what it is, who leads it, what it costs, its phases, milestones and
/// decisions, and its scores per criterion (median and spread, each assessor with the reason).
enum ProjectPage {
    struct Model: Sendable {
        let details: ProjectService.Details
        /// Its place in the ranking by each method; nil when it is not ranked (with why).
        let ranks: [ProgrammeRanking.Method: Int]
        let notRanked: String?
        let mayEdit: Bool
        /// A refused milestone or decision form, shown again with what was wrong.
        var milestone = MilestoneInput()
        var decision = DecisionInput()
        var problems: [FieldProblem] = []
        /// Which of the two forms `problems` belongs to.
        var failedForm: String?
        /// The day a new decision is dated by default.
        var today = CalendarDay.today
    }

    static func query(_ project: Project, mayEdit: Bool, on database: Database) async throws -> Model {
        let details = try await ProjectService(database: database, actor: .system).details(of: project)
        let ranking = try await ProgrammeRanking.load(weights: try await ProgrammeWeights.current(on: database), on: database)
        var ranks: [ProgrammeRanking.Method: Int] = [:]
        for method in ProgrammeRanking.Method.allCases {
            ranks[method] = ranking.rows(method).first { $0.candidate.id == details.id }?.rank
        }
        return Model(details: details, ranks: ranks, notRanked: ranking.left.first { $0.id == details.id }?.reason, mayEdit: mayEdit)
    }
}
