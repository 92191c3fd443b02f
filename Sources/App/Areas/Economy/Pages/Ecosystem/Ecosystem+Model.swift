import Analysis
import Fluent
import Foundation
import Vapor

/// Economie > Ecosysteem: the entrepreneurial ecosystem index of the COROP regions from imported
/// element scores (`vliegwiel import ecosystem`): a region's rank, its elements against the
/// average region, its weakest elements, and its place over the years.
enum Ecosystem {
    struct Point: Sendable, Equatable {
        let year: Int
        let additiveRank: Int?
        let multiplicativeRank: Int?
        let of: Int
    }

    struct Model: Sendable, Equatable {
        let region: String
        let regionName: String
        let year: Int
        let years: [Int]
        /// Every region of the year, by additive rank.
        let regions: [EcosystemIndex.Region]
        let names: [String: String]
        let trend: [Point]
        let isDemo: Bool

        var selected: EcosystemIndex.Region? { regions.first { $0.code == region } }
        var title: String { localized("Ondernemersecosysteem \(regionName), \(year)", "Entrepreneurial ecosystem \(regionName), \(year)") }
    }

    /// `regio` (`api`: `region`), a COROP code or name, by default that of the configured
    /// municipality; `jaar` (`year`), by default the latest.
    static func parse(_ request: Request, municipality: String, api: Bool = false) throws -> (region: String, year: Int?) {
        let reference = try ReferenceData.shared.get()
        let parameter = api ? "region" : "regio"
        var region = reference.municipalityByCode[municipality]?.coropCode ?? ""
        if let text = request.queryText(parameter) {
            guard let code = reference.coropRegionsBySpelling[text.lowercased()] else {
                throw Abort(.badRequest, reason: localized("'\(text.prefix(40))' in '\(parameter)' is geen COROP-regio; geef een code (CR10) of een naam (Noord-Overijssel).",
                                                           "'\(text.prefix(40))' in '\(parameter)' is not a COROP region; give a code (CR10) or a name (Noord-Overijssel)."))
            }
            region = code
        }
        return (region, try request.integer(api ? "year" : "jaar", in: QueryLimit.year))
    }

    static func model(region: String, year: Int?, request: Request) async throws -> Model {
        let (cache, generation, database) = (request.application.viewCache, try await request.dataState().generation, request.db)
        return try await cache.value("ecosystem|\(region)|\(year ?? 0)", generation: generation) {
            try query(region: region, year: year, scores: try await ComparisonStore(database).ecosystemScores(), isDemo: try await Setting.isDemo(on: database))
        }
    }

    static func query(region: String, year wanted: Int?, scores: [Int: [String: [EcosystemIndex.Element.Name: Double]]], isDemo: Bool) throws -> Model {
        let reference = try ReferenceData.shared.get()
        let years = scores.keys.sorted()
        guard let last = years.last else {
            throw Abort(.notFound, reason: localized("Er zijn nog geen scores van het ondernemersecosysteem. Importeer ze met 'vliegwiel import ecosystem BESTAND'.",
                                                     "There are no entrepreneurial ecosystem scores yet. Import them with 'vliegwiel import ecosystem FILE'."))
        }
        let year = wanted ?? last
        guard let ofYear = scores[year] else {
            throw Abort(.badRequest, reason: localized("Voor \(year) zijn er geen ecosysteemscores; kies \(years.map(String.init).joined(separator: ", ")).",
                                                       "There are no ecosystem scores for \(year); pick \(years.map(String.init).joined(separator: ", "))."))
        }
        let trend = years.map { other in
            let ranked = EcosystemIndex.regions(scores[other] ?? [:])
            let own = ranked.first { $0.code == region }
            return Point(year: other, additiveRank: own?.additiveRank, multiplicativeRank: own?.multiplicativeRank, of: ranked.count)
        }
        return Model(region: region, regionName: reference.coropRegions[region] ?? region, year: year, years: years, regions: EcosystemIndex.regions(ofYear),
                     names: reference.coropRegions, trend: trend, isDemo: isDemo)
    }

    static func csv(_ model: Model) -> String {
        let elements = EcosystemIndex.Element.Name.allCases
        return ([(["rang_additief", "rang_multiplicatief", "regiocode", "regio", "index_additief", "index_multiplicatief"] + elements.map(\.rawValue)).joined(separator: ",")]
            + model.regions.map { region in
                ([String(region.additiveRank), String(region.multiplicativeRank), region.code, CSVCell.text(model.names[region.code] ?? region.code),
                  CSVField.decimal(region.additive, digits: 3), CSVField.decimal(region.multiplicative, digits: 3)]
                 + elements.map { CSVField.decimal(region.elements[$0], digits: 3) }).joined(separator: ",")
            }).joined(separator: "\n") + "\n"
    }
}

extension EcosystemIndex.Element.Name {
    var label: String {
        switch self {
        case .formalInstitutions: localized("Formele instituties", "Formal institutions")
        case .entrepreneurshipCulture: localized("Ondernemerscultuur", "Entrepreneurship culture")
        case .physicalInfrastructure: localized("Fysieke infrastructuur", "Physical infrastructure")
        case .demand: localized("Vraag", "Demand")
        case .networks: localized("Netwerken", "Networks")
        case .leadership: localized("Leiderschap", "Leadership")
        case .talent: localized("Talent", "Talent")
        case .finance: localized("Financiering", "Finance")
        case .newKnowledge: localized("Nieuwe kennis (kennistoepassing)", "New knowledge (knowledge application)")
        case .intermediateServices: localized("Intermediaire diensten", "Intermediate services")
        }
    }
}
