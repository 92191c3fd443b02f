import Analysis
import Fluent
import Vapor

/// Economie: the monitor pages. Figures are cached per import run (see `ViewCache`).
struct EconomyController {
    let area: String

    func sectors(_ request: Request) async throws -> Response {
        let section = request.queryText("sectie").map { $0.uppercased() }
        return try await monitorPage(request, key: { "sectors|\($0.area)|\($0.from)|\($0.to)|\(section ?? "")" },
            query: { try await Sectors.query($0, section: section, panel: $1, on: $2) },
            csv: { (Sectors.csv($0), "sectoren-\($1.area)-\($1.from)-\($1.to).csv") },
            html: { Sectors.View(model: $0, viewer: $1) })
    }

    func fastGrowers(_ request: Request) async throws -> Response {
        let definition = try request.choice("definitie", as: FastGrowers.Definition.self) ?? .oecd
        return try await monitorPage(request, period: .threeYearWindow, key: { "fast|\($0.area)|\($0.to)|\(definition.rawValue)" },
            query: { try await FastGrowers.query($0, definition: definition, panel: $1, on: $2) },
            csv: { (FastGrowers.csv($0), "snelle-groeiers-\($1.area)-\($1.to).csv") },
            html: { FastGrowers.View(model: $0, viewer: $1) })
    }

    func specialisation(_ request: Request) async throws -> Response {
        let section = request.queryText("sectie").map { $0.uppercased() }
        return try await monitorPage(request, key: { "specialisation|\($0.area)|\($0.from)|\($0.to)|\(section ?? "")" },
            query: { try await SpecialisationPage.query($0, section: section, panel: $1, on: $2) },
            csv: { (SpecialisationPage.csv($0), "specialisatie-\($1.area)-\($1.from)-\($1.to)\(section.map { "-" + $0 } ?? "").csv") },
            html: { SpecialisationPage.View(model: $0, viewer: $1) })
    }

    func firmSize(_ request: Request) async throws -> Response {
        let unit = try request.choice("eenheid", as: RegisterPanel.Unit.self) ?? .enterprise
        return try await monitorPage(request, period: .singleYear, key: { "size|\($0.area)|\($0.to)|\(unit.rawValue)" },
            query: { try await FirmSize.query($0, unit: unit, panel: $1, on: $2) },
            csv: { (FirmSize.csv($0), "bedrijfsgrootte-\($1.area)-\($1.to).csv") },
            html: { FirmSize.View(model: $0, viewer: $1) })
    }

    func region(_ request: Request) async throws -> Response {
        let city = area, region = request.application.config.region
        return try await monitorPage(request, defaultArea: region.key, key: { "region|\(city)|\($0.area)|\($0.from)|\($0.to)" },
            query: { try await RegionPage.query(city: city, region: region, selection: $0, panel: $1, on: $2) },
            csv: { (RegionPage.csv($0), "regio-\($1.from)-\($1.to).csv") },
            html: { RegionPage.View(model: $0, viewer: $1) })
    }

    func demography(_ request: Request) async throws -> Response {
        let unit = try request.choice("eenheid", as: RegisterPanel.Unit.self) ?? .enterprise
        let scope = try await Demography.Scope.parse(request, on: request.db)
        let (cache, generation, _) = try await monitorData(request)
        // The model holds cluster and section names: one per language.
        return try await monitorPage(request, key: { "demography|\($0.area)|\($0.from)|\($0.to)|\(unit.rawValue)|\(scope.key)|\(Language.current.rawValue)" },
            query: { selection, panel, database in
                let figures = try await Demography.figures(selection, unit: unit, scope: scope, panel: panel, cache: cache, generation: generation, on: database)
                let clusters = try await ClusterService.all(on: database).map { (key: $0.key, name: $0.name) }
                return try await Demography.query(selection, unit: unit, scope: scope, figures: figures, clusters: clusters, panel: panel, on: database)
            },
            csv: { (Demography.csv($0), "bedrijfsdemografie-\($1.area)-\($1.from)-\($1.to).csv") },
            html: { Demography.View(model: $0, viewer: $1) })
    }

    func benchmark(_ request: Request) async throws -> Response {
        let model = try await Benchmark.model(try Benchmark.parse(request, defaultArea: area), request: request)
        let format = try request.format()
        if format != .html {
            return try .csv(Benchmark.csv(model), name: "vergelijking-\(model.query.area)-\(model.indicator.rawValue)-\(model.year).csv", format: format)
        }
        return .html(Benchmark.View(model: model, viewer: try await request.viewer()).render())
    }

    func ecosystem(_ request: Request) async throws -> Response {
        let (region, year) = try Ecosystem.parse(request, municipality: area)
        let model = try await Ecosystem.model(region: region, year: year, request: request)
        let format = try request.format()
        if format != .html {
            return try .csv(Ecosystem.csv(model), name: "ecosysteem-\(model.year).csv", format: format)
        }
        return .html(Ecosystem.View(model: model, viewer: try await request.viewer()).render())
    }

    func overview(_ request: Request) async throws -> Response {
        try await monitorPage(request, key: { "overview|\($0.area)|\($0.from)|\($0.to)" },
            query: { try await Overview.query($0, panel: $1, on: $2) },
            csv: { (Overview.csv($0), "overzicht-\($1.area)-\($1.from)-\($1.to).csv") },
            html: { Overview.View(model: $0, viewer: $1) })
    }

    /// The shape every monitor page shares: the selection from the URL, its figures from the cache
    /// (computed once per data generation, under `key`), and the page as HTML or, with
    /// `formaat=csv`, its table as a CSV download.
    /// The page's main part is cached rendered too, per figures and language (it is the same for
    /// every viewer); only the shell with the viewer is rendered for each request.
    private func monitorPage<Model: Sendable, View: SharedMainPage & Sendable>(
        _ request: Request, period: MonitorSelection.Period = .range, defaultArea: String? = nil, key: (MonitorSelection) -> String,
        query: @escaping @Sendable (MonitorSelection, RegisterPanel, any Database) async throws -> Model,
        csv: (Model, MonitorSelection) -> (text: String, name: String), html: @escaping @Sendable (Model, Layout.Viewer?) -> View
    ) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: defaultArea ?? area, period: period, panel: panel)
        // The chosen start year is part of the model (its links keep it), so of the key too.
        let modelKey = key(selection) + "|\(selection.chosenFrom ?? 0)"
        let model = try await cache.value(modelKey, generation: generation) { try await query(selection, panel, database) }
        let format = try request.format()
        if format != .html {
            let (text, name) = csv(model, selection)
            return try .csv(text, name: name, format: format)
        }
        let main = try await cache.value("html|\(Language.current.rawValue)|" + modelKey, generation: generation) { html(model, nil).main.fragment() }
        return .html(Layout.render(html(model, try await request.viewer()).page, main: .fragment(main)))
    }

    /// The cache, the current data generation and the database of a request.
    private func monitorData(_ request: Request) async throws -> (ViewCache, String, any Database) {
        (request.application.viewCache, try await request.dataState().generation, request.db)
    }

    func enterprise(_ request: Request) async throws -> Response {
        let model = try await EnterprisePage.query(kvk: request.parameters.get("id") ?? "", mayEdit: request.may(.editRelations), on: request.db)
        return .html(EnterprisePage.View(model: model, viewer: try await request.viewer()).render())
    }

    func establishments(_ request: Request) async throws -> Response {
        let filter = try EstablishmentsIndex.Filter.parse(request, defaultArea: area)
        let (code, name, municipalities) = try MonitorSelection.area(filter.area, region: request.application.config.region)
        let order = try request.choice("sorteer", as: EstablishmentsIndex.Order.self) ?? .banen
        let (cache, generation, database) = try await monitorData(request)
        let years = try await cache.panel(generation: generation, on: database).years(in: Area(municipalities: Set(municipalities)))
        guard years.contains(filter.year) else {
            throw Abort(.badRequest, reason: years.isEmpty
                ? localized("Er zijn geen registergegevens voor \(name).", "There is no register data for \(name).")
                : localized("Voor \(filter.year) zijn er geen registergegevens voor \(name); kies een jaar tussen \(years.first!) en \(years.last!).",
                            "There is no register data for \(name) in \(filter.year); pick a year between \(years.first!) and \(years.last!)."))
        }
        // A cluster's establishments: by its SBI codes and its added and excluded organisations.
        var cluster: Cluster?, definition: ClusterDefinition?
        if let key = filter.cluster {
            let found = try await ClusterService.find(key: key, on: database)
            (cluster, definition) = (found, try await ClusterService(database: database, actor: .system).definitions([found])[try found.requireID()])
        }
        let rows = try await cache.value("records|\(filter)|\(order.rawValue)", generation: generation) { [definition] in
            try await EstablishmentsIndex.rows(filter, municipalities: municipalities, cluster: definition, order: order, on: database)
        }
        let format = try request.format()
        if format != .html {
            return try .csv(EstablishmentsIndex.csv(rows, unit: filter.unit), name: "\(filter.unit == .enterprise ? "ondernemingen" : "vestigingen")-\(code)-\(filter.year).csv",
                            format: format)
        }
        let areas = MonitorSelection.choices(region: request.application.config.region, reference: try ReferenceData.shared.get())
        let model = try await EstablishmentsIndex.query(rows, filter: filter, areaName: name, order: order, page: try request.page(),
                                                        areas: areas, years: years, clusterName: cluster?.name, on: request.db)
        return .html(EstablishmentsIndex.View(model: model, viewer: try await request.viewer()).render())
    }
}
