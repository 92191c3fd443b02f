import Fluent
import Foundation

/// Groeiclusters > an engagement recorded or changed: when, what kind, which clusters, which
/// organisations and people (pickers), notes.
enum EngagementForm {
    static let pickers = ["organisations", "people"]

    struct Model: Sendable {
        let id: UUID?
        let input: EngagementInput
        let problems: [FieldProblem]
        let clusters: [(value: String, label: String)]
        let organisations: Picker.Field
        let people: Picker.Field
    }

    static func query(id: UUID?, input: EngagementInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let pickers = PickerService(database: database)
        return Model(id: id, input: input, problems: problems,
                     clusters: try await ClusterService.all(on: database).map { ($0.key, $0.name) },
                     organisations: try await pickers.field(.organisations, "organisations", chosen: input.organisations?.items ?? [], search: search),
                     people: try await pickers.field(.people, "people", chosen: input.people?.items ?? [], search: search))
    }
}
