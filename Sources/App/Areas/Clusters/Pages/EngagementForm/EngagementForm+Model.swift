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
                     // Those in use, and an archived one the engagement already names (marked).
                     clusters: try await ClusterService.all(archived: true, on: database)
                         .filter { $0.archivedOn == nil || (input.clusters?.items ?? []).contains($0.key) }
                         .map { ($0.key, $0.name + ($0.archivedOn == nil ? "" : localized(" (gearchiveerd)", " (archived)"))) },
                     organisations: try await pickers.field(.organisations, "organisations", chosen: input.organisations?.items ?? [], search: search),
                     people: try await pickers.field(.people, "people", chosen: input.people?.items ?? [], search: search))
    }
}
