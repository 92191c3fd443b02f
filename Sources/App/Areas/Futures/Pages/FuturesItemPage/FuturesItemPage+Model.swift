import Fluent
import Foundation

/// One scenario or policy option: what it says, its scores in the matrix with every assessor's
/// reason, and the signposts that watch it.
enum FuturesItemPage {
    struct Model: Sendable {
        let item: FuturesItem
        let matrix: RobustnessMatrix
        let signposts: [Signpost]
        let mayEdit: Bool
    }

    static func query(_ item: FuturesItem, mayEdit: Bool, on database: Database) async throws -> Model {
        let signposts = try await SignpostService.all(on: database).filter { $0.$item.id == item.id }
        return Model(item: item, matrix: try await RobustnessMatrix.load(on: database), signposts: signposts, mayEdit: mayEdit)
    }
}
