import Fluent
import Foundation

/// Groeiclusters > a collaboration recorded or changed: the two organisations (pickers), the kind,
/// the strength, from and until when, notes.
enum CollaborationForm {
    static let pickers = ["first", "second"]

    struct Model: Sendable {
        let id: UUID?
        let input: CollaborationInput
        let problems: [FieldProblem]
        let first: Picker.Field
        let second: Picker.Field
    }

    static func query(id: UUID?, input: CollaborationInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let pickers = PickerService(database: database)
        return Model(id: id, input: input, problems: problems,
                     first: try await pickers.field(.organisations, "first", chosen: input.first.map { [$0] } ?? [], search: search),
                     second: try await pickers.field(.organisations, "second", chosen: input.second.map { [$0] } ?? [], search: search))
    }
}
