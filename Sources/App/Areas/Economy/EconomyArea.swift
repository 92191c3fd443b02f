import Analysis
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
        readers.get(SiteURL.demography.pathComponents, use: economy.demography)
        readers.get(SiteURL.region.pathComponents, use: economy.region)
        readers.get(SiteURL.benchmark.pathComponents, use: economy.benchmark)
        readers.get(SiteURL.ecosystem.pathComponents, use: economy.ecosystem)
        let places = PlacesController(area: area), editors = routes.pages(.editProgramme)
        readers.get(SiteURL.places.pathComponents, use: places.index)
        editors.get(SiteURL.newPlace.pathComponents, use: places.newForm)
        editors.post(SiteURL.places.pathComponents, use: places.create)
        readers.get(SiteURL.place.pathComponents, use: places.show)
        editors.get(SiteURL.editPlace.pathComponents, use: places.editForm)
        editors.post(SiteURL.place.pathComponents, use: places.update)
        editors.post(SiteURL.deletePlace.pathComponents, use: places.delete)
        readers.get(SiteURL.establishments.pathComponents, use: economy.establishments)
        readers.get(SiteURL.enterprise.pathComponents, use: economy.enterprise)
        routes.api(.read).get(SiteURL.apiKeyFigures.pathComponents, use: KeyFiguresAPIController(area: area).show)
            .documented("The key figures of the home page", "Jobs, establishments, inhabitants and jobs per 1,000 inhabitants of the configured municipality in the latest register year.")
        let period: [APIParameter] = [.area, .integer("from", "The first year; ten years before `to` when left out.", in: QueryLimit.year),
                                      .integer("to", "The last year; the register's latest when left out.", in: QueryLimit.year)]
        routes.api(.read).get(SiteURL.apiDemography.pathComponents, use: DemographyAPIController(area: area).show)
            .documented("Business demography", "Per year the stock of units and its flows (births, other newcomers, returns, arrivals, departures, closures) with birth and closure rates, and the survival of each year's births after 1, 2, 3 and 5 years; as on the Demografie page (definitions in docs/methods.md section 10). Counts the register cannot know yet are left out.",
                        query: period + [.choice("unit", "Enterprises (KvK numbers, the default) or establishments.", RegisterPanel.Unit.self),
                                         .text("section", "One SBI section (A-U)."), .text("cluster", "One cluster's key; not together with `section`.")])
        routes.api(.read).get(SiteURL.apiBenchmarks.pathComponents, use: BenchmarksAPIController(area: area).show)
            .documented("The municipality among all municipalities", "Ranks the municipalities of a peer group on an indicator of their published totals (imported with `vliegwiel import municipal-figures`), with the area's value and place per year and, where the register covers a municipality, its own counts beside the published ones; as on the Vergelijking page.",
                        query: [.text("area", "The municipality: a CBS code (GM0363) or a name; the configured municipality when left out."),
                                .choice("indicator", "What to rank on (jobs per 1,000 inhabitants when left out).", MunicipalRanking.Indicator.self),
                                .choice("group", "The peer group (all municipalities when left out, the chosen list when `compare` is given).", Benchmark.Group.self),
                                .integer("year", "The year; the latest with figures when left out.", in: QueryLimit.year),
                                .integer("from", "The base year of jobs growth; ten years before `year` when left out.", in: QueryLimit.year),
                                .text("compare", "For the chosen list: municipalities (codes or names) separated by commas, e.g. `Eindhoven,Utrecht,Amsterdam`.")],
                        statuses: [.notFound])
        let placesAPI = PlacesAPIController(area: area)
        routes.api(.read).get(SiteURL.apiPlaces.pathComponents, use: placesAPI.list)
            .documented("Lists the places", "Each place (a set of postcode areas of the municipality) with its figures in the register's last year: jobs, establishments, births of establishments, fast growers and establishments in a growth cluster; as on the Plekken page.")
        routes.api(.read).get(SiteURL.apiPlace.pathComponents, use: placesAPI.show)
            .documented("Reads one place", "Its figures for every register year and its growth clusters in the last year.",
                        path: [APIParameter.text("id", "The place's key (`spoorzone`).")], statuses: [.notFound])
        routes.api(.read).get(SiteURL.apiEcosystem.pathComponents, use: EcosystemAPIController(area: area).show)
            .documented("The entrepreneurial ecosystem index", "Every COROP region's additive and multiplicative index and ranks from imported element scores (each element divided by its mean over the regions), with the chosen region's elements below the average region; as on the Ecosysteem page.",
                        query: [.text("region", "A COROP region's code (CR10) or name; the configured municipality's region when left out."),
                                .integer("year", "The year; the latest with scores when left out.", in: QueryLimit.year)],
                        statuses: [.notFound])
    }
}
