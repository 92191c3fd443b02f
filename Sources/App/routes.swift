import Vapor

/// Each area registers its own routes; what is shared (health, stylesheet, script, the API's
/// description) is here.
func routes(_ app: Application, config: AppConfig) throws {
    app.get(SiteURL.health.pathComponents, use: HealthController().check)
    app.get(SiteURL.metrics.pathComponents, use: MetricsController().scrape)
    app.get(SiteURL.stylesheet.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }
    app.get(SiteURL.script.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Script.js))
    }
    let routes = AreaRoutes(app: app, config: config)
    try AdminArea.register(on: routes)
    EconomyArea.register(on: routes)
    RelationsArea.register(on: routes)
    ClustersArea.register(on: routes)
    GoalsArea.register(on: routes)
    ProgrammeArea.register(on: routes)
    FuturesArea.register(on: routes)
    ReportsArea.register(on: routes)
    OpenAPIController().register(on: routes)
}
