import Analysis
import Fluent
import Foundation

/// One signpost: what it watches and why, its indicator's history against the trigger, the trend
/// and the projected crossing, and the alerts it raised.
enum SignpostPage {
    struct Model: Sendable {
        let signpost: Signpost
        let indicator: Indicator?
        let history: [IndicatorCatalogue.Point]
        let alerts: [SignpostAlert]
        let mayEdit: Bool
    }

    static func query(_ signpost: Signpost, catalogue: IndicatorCatalogue, mayEdit: Bool) async throws -> Model {
        let indicator = Indicator.find(signpost.indicator)
        var history: [IndicatorCatalogue.Point] = []
        if let indicator { history = (try? await catalogue.history(of: indicator, parameters: signpost.parameterValues)) ?? [] }
        let alerts = try await SignpostAlert.query(on: catalogue.database).filter(\.$signpost.$id == signpost.requireID()).sort(\.$raisedAt, .descending).all()
        return Model(signpost: signpost, indicator: indicator, history: history, alerts: alerts, mayEdit: mayEdit)
    }
}
