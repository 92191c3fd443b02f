import Fluent
import Foundation

/// Programma > a driver-team meeting recorded or changed: when, what, where, who attended
/// (people picker) and the minutes. Agenda, decisions and actions are added on its page.
enum MeetingForm {
    static let pickers = ["attendees"]

    struct Model: Sendable {
        let id: UUID?
        let input: MeetingInput
        let problems: [FieldProblem]
        let attendees: Picker.Field
    }

    static func query(id: UUID?, input: MeetingInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        Model(id: id, input: input, problems: problems,
              attendees: try await PickerService(database: database).field(.people, "attendees", chosen: input.attendees?.items ?? [], search: search))
    }
}
