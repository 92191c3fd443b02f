import Fluent
import Foundation

/// The form for a new organisation or for changing one, with the reasons a sent form was refused.
enum OrganisationForm {
    struct Model: Sendable {
        /// nil for a new organisation.
        let id: UUID?
        let input: OrganisationInput
        let problems: [FieldProblem]
        let managers: [(id: UUID, name: String)]
        let municipalities: [(code: String, name: String)]
    }

    static func query(id: UUID?, input: OrganisationInput, problems: [FieldProblem], on database: Database) async throws -> Model {
        Model(id: id, input: input, problems: problems, managers: try await UserDirectory.load(on: database).users,
              municipalities: try ReferenceData.shared.get().municipalities.sorted { $0.name < $1.name }.map { ($0.code, $0.name) })
    }
}
