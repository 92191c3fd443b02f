import Fluent
import Foundation

/// Toekomst: the robustness test (the matrix, six metrics and the conclusion), the alerts still
/// open, and the signposts at a glance.
enum FuturesIndex {
    struct Model: Sendable {
        var matrix: RobustnessMatrix
        /// The settings as saved (the matrix may use trial ones from the URL).
        let saved: FuturesSettings
        let alerts: [SignpostAlert]
        let signposts: [Signpost]
        let mayEdit: Bool
        let isDemo: Bool
        /// The settings form as sent, and what was wrong with it.
        var settingsFields: (optimism: String?, threshold: String?) = (nil, nil)
        var problems: [FieldProblem] = []

        var isTrial: Bool { matrix.settings != saved }
    }

    static func query(trial: FuturesSettings?, mayEdit: Bool, on database: Database) async throws -> Model {
        let saved = try await FuturesSettings.current(on: database)
        return Model(matrix: try await RobustnessMatrix.load(settings: trial ?? saved, on: database), saved: saved,
                     alerts: try await SignpostWatch.openAlerts(on: database), signposts: try await SignpostService.all(on: database),
                     mayEdit: mayEdit, isDemo: try await Setting.isDemo(on: database))
    }
}
