import Fluent
import Foundation

/// A new signpost, or one changed.
enum SignpostForm {
    struct Model: Sendable {
        /// The signpost changed; nil for a new one.
        let id: UUID?
        let input: SignpostInput
        let problems: [FieldProblem]
        let scenarios: [(value: String, label: String)]
        let options: [(value: String, label: String)]
        let clusterKeys: [String]
        let series: [String]
    }

    static func query(id: UUID?, input: SignpostInput, problems: [FieldProblem], on database: Database) async throws -> Model {
        let pairs = { (kind: FuturesItem.Kind) in try await FuturesService.items(kind, on: database).map { (value: $0.key, label: $0.name) } }
        let clusters = try await ClusterService.all(archived: false, on: database).map(\.key)
        let series = Set(try await ManualValue.query(on: database).all().map(\.series)).sorted()
        return Model(id: id, input: input, problems: problems, scenarios: try await pairs(.scenario), options: try await pairs(.option), clusterKeys: clusters, series: series)
    }
}
