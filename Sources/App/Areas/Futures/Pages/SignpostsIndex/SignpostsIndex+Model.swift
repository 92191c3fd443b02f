import Fluent
import Foundation

/// Toekomst > Signalen: every signpost with its status, and evaluating them all now.
enum SignpostsIndex {
    struct Model: Sendable {
        let signposts: [Signpost]
        let alerts: [SignpostAlert]
        let mayEdit: Bool
    }

    static func query(mayEdit: Bool, on database: Database) async throws -> Model {
        Model(signposts: try await SignpostService.all(on: database), alerts: try await SignpostWatch.openAlerts(on: database), mayEdit: mayEdit)
    }
}
