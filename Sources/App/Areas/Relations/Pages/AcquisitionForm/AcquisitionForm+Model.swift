import Fluent
import Foundation

/// Relaties > Acquisitie > new or edit: the form, with the municipalities outside the region and
/// the users who can be in the team.
enum AcquisitionForm {
    struct Model: Sendable {
        let id: UUID?
        let input: AcquisitionInput
        let problems: [FieldProblem]
        let municipalities: [(value: String, label: String)]
        let users: [(value: String, label: String)]
        /// Every cluster, key and name.
        let clusters: [Named.Keyed]
    }

    static func query(id: UUID?, input: AcquisitionInput, problems: [FieldProblem], region: AppConfig.Region, on database: Database) async throws -> Model {
        let outside = try ReferenceData.shared.get().municipalities.filter { !region.members.contains($0.code) }.sorted { $0.name < $1.name }
        return Model(id: id, input: input, problems: problems, municipalities: outside.map { ($0.code, $0.name) },
                     users: try await UserDirectory.load(on: database).users.map { ($0.id.uuidString, $0.name) },
                     clusters: try await ClusterService.all(on: database).map { Named.Keyed(key: $0.key, name: $0.name) })
    }
}
