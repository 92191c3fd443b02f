import Vapor

/// `/api/v1/indicators`: the catalogue, and one indicator's value with its evidence.
enum IndicatorsAPI {
    struct Entry: Content {
        let id: String
        let name: String
        let nameNL: String
        let nameEN: String
        let unit: String
        let parameters: [String]
        let required: [String]
        enum CodingKeys: String, CodingKey { case id, name, unit, parameters, required, nameNL = "name_nl", nameEN = "name_en" }
    }

    struct Value: Content {
        struct Evidence: Content {
            let id: String
            let label: String
            let link: String?
        }
        let indicator: String
        let parameters: [String: String]
        let value: Double
        let asOf: String
        let evidence: [Evidence]
        enum CodingKeys: String, CodingKey { case indicator, parameters, value, evidence, asOf = "as_of" }
    }

    static func list(_ request: Request) async throws -> [Entry] {
        Indicator.all.map {
            Entry(id: $0.id.rawValue, name: $0.name, nameNL: $0.nameNL, nameEN: $0.nameEN, unit: $0.unit,
                  parameters: $0.parameters.map(\.rawValue), required: $0.required.map(\.rawValue))
        }
    }

    /// `GET /api/v1/indicators/:id?area=&cluster=&year=&definition=&since=&date=`: the value on `date` (today when not
    /// given); a bad parameter is a 400 naming it.
    static func show(_ request: Request) async throws -> Value {
        guard let id = request.parameters.get("id"), let indicator = Indicator.find(id) else {
            throw Abort(.notFound, reason: localized("Deze indicator bestaat niet; kies \(Indicator.all.map(\.id.rawValue).joined(separator: ", ")).",
                                                     "This indicator does not exist; pick \(Indicator.all.map(\.id.rawValue).joined(separator: ", "))."))
        }
        var given: [String: String] = [:]
        for (name, value) in try request.queryPairs() where name != "date" { given[name] = value }
        let day = try request.day("date") ?? .today
        guard day <= .today else {
            throw Abort(.badRequest, reason: localized("De parameter date ligt in de toekomst (\(day.text)).", "The parameter date is in the future (\(day.text))."))
        }
        let parameters: [Indicator.Parameter: String]
        do {
            parameters = try await IndicatorCatalogue.checked(given, of: indicator, config: request.application.config, on: request.db)
        } catch let invalid as InvalidFields {
            throw Abort(.badRequest, reason: invalid.description)
        }
        let generation = try await request.dataState().generation
        let catalogue = IndicatorCatalogue(database: request.db, config: request.application.config,
                                           panel: try await request.application.viewCache.panel(generation: generation, on: request.db),
                                           cache: request.application.viewCache, generation: generation, today: day)
        do {
            let value = try await catalogue.value(of: indicator, parameters: parameters)
            return Value(indicator: indicator.id.rawValue, parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0.key.rawValue, $0.value) }),
                         value: value.value, asOf: value.asOf, evidence: value.evidence.map { .init(id: $0.id, label: $0.label, link: $0.link) })
        } catch let invalid as InvalidFields {
            throw Abort(.badRequest, reason: invalid.description)
        }
    }
}
