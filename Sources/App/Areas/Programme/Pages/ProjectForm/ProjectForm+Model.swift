import Fluent
import Foundation

/// Programma > a new project, or one changed: name, lead, partners (pickers), clusters, goals,
/// place, budget, phase and period. Scores and milestones have their own forms.
enum ProjectForm {
    static let pickers = ["lead_organisation", "lead_person", "partners"]

    struct Model: Sendable {
        let id: UUID?
        let input: ProjectInput
        let problems: [FieldProblem]
        let clusters: [(value: String, label: String)]
        let goals: [(value: String, label: String)]
        let places: [(value: String, label: String)]
        let leadOrganisation: Picker.Field
        let leadPerson: Picker.Field
        let partners: Picker.Field
    }

    static func query(id: UUID?, input: ProjectInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let pickers = PickerService(database: database)
        return Model(id: id, input: input, problems: problems,
                     clusters: try await ClusterService.all(archived: true, on: database)
                         .filter { $0.archivedOn == nil || (input.clusters?.items ?? []).contains($0.key) }.map { ($0.key, $0.name) },
                     goals: try await GoalService.all(on: database).map { ($0.key, $0.title) },
                     places: try await Place.query(on: database).sort(\.$name).all().map { ($0.key, $0.name) },
                     leadOrganisation: try await pickers.field(.organisations, "lead_organisation", chosen: [input.leadOrganisation].compactMap { $0 }, search: search),
                     leadPerson: try await pickers.field(.people, "lead_person", chosen: [input.leadPerson].compactMap { $0 }, search: search),
                     partners: try await pickers.field(.organisations, "partners", chosen: input.partners?.items ?? [], search: search))
    }
}
