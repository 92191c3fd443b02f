import Analysis
import Vapor

/// `GET /api/v1/ecosystem`: the entrepreneurial ecosystem index of the Ecosysteem page as JSON.
struct EcosystemAPIController {
    let area: String

    struct RegionDTO: Content {
        let code: String
        let name: String
        let additive: Double
        let multiplicative: Double
        let additiveRank: Int
        let multiplicativeRank: Int
        /// Each element against the average region (1).
        let elements: [String: Double]
        let belowAverage: [String]

        enum CodingKeys: String, CodingKey {
            case code, name, additive, multiplicative, elements
            case additiveRank = "additive_rank", multiplicativeRank = "multiplicative_rank", belowAverage = "below_average"
        }
    }

    struct EcosystemDTO: Content {
        let region: String
        let year: Int
        let years: [Int]
        let selected: RegionDTO?
        let regions: [RegionDTO]
        let demo: Bool
    }

    func show(_ request: Request) async throws -> EcosystemDTO {
        let (region, year) = try Ecosystem.parse(request, municipality: area, api: true)
        let model = try await Ecosystem.model(region: region, year: year, request: request)
        let describe = { (region: EcosystemIndex.Region) in
            RegionDTO(code: region.code, name: model.names[region.code] ?? region.code, additive: region.additive, multiplicative: region.multiplicative,
                      additiveRank: region.additiveRank, multiplicativeRank: region.multiplicativeRank,
                      elements: Dictionary(uniqueKeysWithValues: region.elements.map { ($0.key.rawValue, $0.value) }), belowAverage: region.belowAverage.map(\.rawValue))
        }
        return EcosystemDTO(region: model.region, year: model.year, years: model.years, selected: model.selected.map(describe),
                            regions: model.regions.map(describe), demo: model.isDemo)
    }
}
