import Vapor

/// Doelen: the strategy's promises bound to indicators. So far the indicator catalogue, in the API.
enum GoalsArea {
    static func register(on routes: AreaRoutes) {
        let readers = routes.api.grouped("api", "v1").grouped(AccessGuard(permission: .read))
        readers.get("indicators", use: IndicatorsAPI.list)
        readers.get("indicators", ":id", use: IndicatorsAPI.show)
    }
}
