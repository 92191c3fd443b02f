import Analysis
import Fluent
import Vapor

/// Economie: the monitor pages. Figures are cached per import run (see `ViewCache`).
struct EconomyController {
    let area: String

    func sectors(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: area, panel: panel)
        let section = request.query[String.self, at: "sectie"].map { $0.uppercased() }
        let model = try await cache.value("sectors|\(selection.area)|\(selection.from)|\(selection.to)|\(section ?? "")", generation: generation) {
            try await Sectors.query(selection, section: section, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(Sectors.csv(model), name: "sectoren-\(selection.area)-\(selection.from)-\(selection.to).csv")
        }
        return .html(Sectors.View(model: model, viewer: try await request.viewer()).render())
    }

    func fastGrowers(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: area, period: .threeYearWindow, panel: panel)
        let text = request.query[String.self, at: "definitie"] ?? "oecd"
        guard let definition = FastGrowers.Definition(rawValue: text) else {
            throw Abort(.badRequest, reason: localized("Definitie '\(text)' bestaat niet; kies oecd (meer dan 20% per jaar) of eu2014 (meer dan 10%).",
                                                       "Definition '\(text)' does not exist; pick oecd (more than 20% a year) or eu2014 (more than 10%)."))
        }
        let model = try await cache.value("fast|\(selection.area)|\(selection.to)|\(definition.rawValue)", generation: generation) {
            try await FastGrowers.query(selection, definition: definition, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(FastGrowers.csv(model), name: "snelle-groeiers-\(selection.area)-\(selection.to).csv")
        }
        return .html(FastGrowers.View(model: model, viewer: try await request.viewer()).render())
    }

    func specialisation(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: area, panel: panel)
        let section = request.query[String.self, at: "sectie"].map { $0.uppercased() }
        let model = try await cache.value("specialisation|\(selection.area)|\(selection.from)|\(selection.to)|\(section ?? "")", generation: generation) {
            try await SpecialisationPage.query(selection, section: section, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(SpecialisationPage.csv(model), name: "specialisatie-\(selection.area)-\(selection.from)-\(selection.to)\(section.map { "-" + $0 } ?? "").csv")
        }
        return .html(SpecialisationPage.View(model: model, viewer: try await request.viewer()).render())
    }

    func firmSize(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: area, period: .singleYear, panel: panel)
        let text = request.query[String.self, at: "eenheid"] ?? "enterprise"
        guard let unit = RegisterPanel.Unit(rawValue: text) else {
            throw Abort(.badRequest, reason: localized("Eenheid '\(text)' bestaat niet; kies enterprise (ondernemingen) of establishment (vestigingen).",
                                                       "Unit '\(text)' does not exist; pick enterprise or establishment."))
        }
        let model = try await cache.value("size|\(selection.area)|\(selection.to)|\(unit.rawValue)", generation: generation) {
            try await FirmSize.query(selection, unit: unit, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(FirmSize.csv(model), name: "bedrijfsgrootte-\(selection.area)-\(selection.to).csv")
        }
        return .html(FirmSize.View(model: model, viewer: try await request.viewer()).render())
    }

    func region(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: "regio-zwolle", panel: panel)
        let city = area
        let model = try await cache.value("region|\(city)|\(selection.from)|\(selection.to)", generation: generation) {
            try await RegionPage.query(city: city, from: selection.from, to: selection.to, years: selection.years, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(RegionPage.csv(model), name: "regio-\(selection.from)-\(selection.to).csv")
        }
        return .html(RegionPage.View(model: model, viewer: try await request.viewer()).render())
    }

    func overview(_ request: Request) async throws -> Response {
        let (cache, generation, database) = try await monitorData(request)
        let panel = try await cache.panel(generation: generation, on: database)
        let selection = try MonitorSelection.parse(request, defaultArea: area, panel: panel)
        let model = try await cache.value("overview|\(selection.area)|\(selection.from)|\(selection.to)", generation: generation) {
            try await Overview.query(selection, panel: panel, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(Overview.csv(model), name: "overzicht-\(selection.area)-\(selection.from)-\(selection.to).csv")
        }
        return .html(Overview.View(model: model, viewer: try await request.viewer()).render())
    }

    /// The cache, the current data generation and the database of a request.
    private func monitorData(_ request: Request) async throws -> (ViewCache, String, any Database) {
        (request.application.viewCache, try await ViewCache.generation(on: request.db), request.db)
    }

    func establishments(_ request: Request) async throws -> Response {
        let filter = try EstablishmentsIndex.Filter.parse(request, defaultArea: area)
        let (code, name, municipalities) = try MonitorSelection.area(filter.area)
        let orderText = request.query[String.self, at: "sorteer"] ?? "banen"
        guard let order = EstablishmentsIndex.Order(rawValue: orderText) else {
            throw Abort(.badRequest, reason: localized("Sorteren kan op banen, naam of sbi, niet op '\(orderText)'.",
                                                       "Sorting is by banen (jobs), naam (name) or sbi, not by '\(orderText)'."))
        }
        let (cache, generation, database) = try await monitorData(request)
        let rows = try await cache.value("records|\(filter)|\(order.rawValue)", generation: generation) {
            try await EstablishmentsIndex.rows(filter, municipalities: municipalities, order: order, on: database)
        }
        if request.query[String.self, at: "formaat"] == "csv" {
            return .csv(EstablishmentsIndex.csv(rows, unit: filter.unit), name: "\(filter.unit == .enterprise ? "ondernemingen" : "vestigingen")-\(code)-\(filter.year).csv")
        }
        let pageSize = EstablishmentsIndex.Model.pageSize
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        let page = min(try request.page(), pages)
        let model = EstablishmentsIndex.Model(filter: filter, areaName: name, order: order, page: page, total: rows.count,
                                              jobs: rows.map(\.jobs).reduce(0, +), rows: Array(rows.dropFirst((page - 1) * pageSize).prefix(pageSize)),
                                              isDemo: try await Setting.isDemo(on: request.db))
        return .html(EstablishmentsIndex.View(model: model, viewer: try await request.viewer()).render())
    }
}
