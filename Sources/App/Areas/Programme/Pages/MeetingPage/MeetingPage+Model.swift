import Fluent
import Foundation

/// Programma > one driver-team meeting: its minutes (printable), agenda, decisions and actions,
/// with the forms to add to them.
enum MeetingPage {
    static let pickers = ["organisation"]

    /// Which add-form a refused post belongs to.
    enum Part: String, Sendable { case agenda, decision, action }

    struct Model: Sendable {
        let details: MeetingService.Details
        let mayEdit: Bool
        /// For the forms: projects, goals and clusters to link, and the users who can own an action.
        let projects: [(value: String, label: String)]
        let goals: [(value: String, label: String)]
        let clusters: [(value: String, label: String)]
        let owners: [(value: String, label: String)]
        var organisation = Picker.Field()
        var agenda = AgendaItemInput()
        var decision = DecisionInput()
        var action = ActionInput()
        var failed: Part?
        var problems: [FieldProblem] = []
    }

    static func query(_ meeting: Meeting, mayEdit: Bool, on database: Database) async throws -> Model {
        let details = try await MeetingService(database: database, actor: .system).details(of: meeting)
        return Model(details: details, mayEdit: mayEdit,
                     projects: try await Project.query(on: database).sort(\.$name).all().map { ($0.id?.uuidString ?? "", $0.name) },
                     goals: try await GoalService.all(on: database).map { ($0.key, $0.title) },
                     clusters: try await ClusterService.all(on: database).map { ($0.key, $0.name) },
                     owners: try await User.query(on: database).filter(\.$active == true).sort(\.$name).all()
                         .filter { $0.role.may(.editRelations) }.map { ($0.id?.uuidString ?? "", $0.name) })
    }
}
