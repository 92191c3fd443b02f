import Fluent
import Foundation

/// Relaties > Ondernemersvragen > register or handle: the form, with the organisations and users
/// to choose from.
enum QuestionForm {
    /// The form's pickers, by field name.
    static let pickers = ["organisation"]

    struct Model: Sendable {
        let id: UUID?
        let input: QuestionInput
        let problems: [FieldProblem]
        let organisation: Picker.Field
        let users: [(value: String, label: String)]
    }

    static func query(id: UUID?, input: QuestionInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let organisation = try await PickerService(database: database).field(.organisations, "organisation", chosen: [input.organisation].compactMap { $0 }, search: search)
        return Model(id: id, input: input, problems: problems, organisation: organisation,
                     users: try await UserDirectory.load(on: database).users.map { ($0.id.uuidString, $0.name) })
    }
}
