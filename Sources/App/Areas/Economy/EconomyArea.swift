import Vapor

/// Economie: the home page, the monitor pages, the records behind their figures, and the key figures API.
enum EconomyArea {
    static func register(on routes: AreaRoutes) {
        let area = routes.config.area
        let readers = routes.pages(.read)
        readers.get(SiteURL.home.pathComponents, use: HomeController(area: area).index)
        let economy = EconomyController(area: area)
        readers.get(SiteURL.overview.pathComponents, use: economy.overview)
        readers.get(SiteURL.sectors.pathComponents, use: economy.sectors)
        readers.get(SiteURL.fastGrowers.pathComponents, use: economy.fastGrowers)
        readers.get(SiteURL.specialisation.pathComponents, use: economy.specialisation)
        readers.get(SiteURL.firmSize.pathComponents, use: economy.firmSize)
        readers.get(SiteURL.region.pathComponents, use: economy.region)
        readers.get(SiteURL.establishments.pathComponents, use: economy.establishments)
        readers.get(SiteURL.enterprise.pathComponents, use: economy.enterprise)
        routes.api(.read).get(SiteURL.apiKeyFigures.pathComponents, use: KeyFiguresAPIController(area: area).show)
            .documented("The key figures of the home page", "Jobs, establishments, inhabitants and jobs per 1,000 inhabitants of the configured municipality in the latest register year.")
    }
}
