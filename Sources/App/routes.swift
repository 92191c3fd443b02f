import Vapor

func routes(_ app: Application, config: AppConfig) throws {
    let home = HomeController(area: config.area)
    app.get(SiteURL.home.pathComponents, use: home.index)
    app.get(SiteURL.health.pathComponents, use: HealthController().check)
    app.get(SiteURL.stylesheet.pathComponents) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }
}
