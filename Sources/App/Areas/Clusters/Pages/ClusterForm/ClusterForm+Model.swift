import Fluent
import Foundation

/// Groeiclusters > a new cluster, or one changed: its key, names, SBI codes and the organisations
/// added to it or excluded from it (pickers).
enum ClusterForm {
    /// The form's pickers, by field name.
    static let pickers = ["members_added", "members_excluded"]

    struct Model: Sendable {
        /// The key of the cluster being changed; nil for a new one.
        let key: String?
        let input: ClusterInput
        let problems: [FieldProblem]
        let added: Picker.Field
        let excluded: Picker.Field
    }

    static func query(key: String?, input: ClusterInput, problems: [FieldProblem], search: Picker.Search?, on database: Database) async throws -> Model {
        let pickers = PickerService(database: database)
        return Model(key: key, input: input, problems: problems,
                     added: try await pickers.field(.organisations, "members_added", chosen: input.membersAdded?.items ?? [], search: search),
                     excluded: try await pickers.field(.organisations, "members_excluded", chosen: input.membersExcluded?.items ?? [], search: search))
    }
}
