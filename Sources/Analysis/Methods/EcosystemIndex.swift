import Foundation

/// The Entrepreneurial Ecosystem index (Stam 2018; Stam & van de Ven 2021): ten elements, each
/// the mean of its indicators after dividing every indicator by its mean over the regions
/// compared, so the average region scores 1 per element and about 10 in total. The index is
/// relative to the comparison set: add or drop a region and every score moves.
/// docs/methods.md section 7 and oracle 07.
public struct EcosystemIndex: Sendable {
    /// An element (e.g. "finance") and its indicators, each with one value per region; nil where
    /// a region's value is missing. Every indicator must point the "more is better" way.
    public struct Element: Sendable {
        /// The ten elements of Stam's index, by the keys of oracle 07.
        public enum Name: String, Sendable, CaseIterable, Hashable, Comparable {
            case formalInstitutions = "formal_institutions"
            case entrepreneurshipCulture = "entrepreneurship_culture"
            case physicalInfrastructure = "physical_infrastructure"
            case demand
            case networks
            case leadership
            case talent
            case finance
            case newKnowledge = "new_knowledge"
            case intermediateServices = "intermediate_services"

            /// The Dutch names an import may use instead of the keys.
            public var dutch: String {
                switch self {
                case .formalInstitutions: "formele instituties"
                case .entrepreneurshipCulture: "ondernemerscultuur"
                case .physicalInfrastructure: "fysieke infrastructuur"
                case .demand: "vraag"
                case .networks: "netwerken"
                case .leadership: "leiderschap"
                case .talent: "talent"
                case .finance: "financiering"
                case .newKnowledge: "nieuwe kennis"
                case .intermediateServices: "intermediaire diensten"
                }
            }

            /// An element by its key or Dutch name, in any case, with spaces, hyphens or underscores.
            public init?(text: String) {
                let wanted = text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                    .split(separator: " ").joined(separator: " ")
                guard let found = Self.allCases.first(where: { $0.rawValue.replacingOccurrences(of: "_", with: " ") == wanted || $0.dutch == wanted }) else { return nil }
                self = found
            }

            public static func < (a: Name, b: Name) -> Bool {
                allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
            }
        }

        public let name: String
        public let indicators: [[Double?]]

        public init(name: String, indicators: [[Double?]]) {
            self.name = name
            self.indicators = indicators
        }
    }

    public let elements: [Element]
    /// `scores[e][r]`: element e for region r; nil when none of its indicators is known there.
    public let scores: [[Double?]]
    /// (element, region) pairs whose score rests on only some of its indicators.
    public let incomplete: [(element: Int, region: Int)]

    public init(elements: [Element]) {
        self.elements = elements
        var scores: [[Double?]] = []
        var incomplete: [(element: Int, region: Int)] = []
        for (e, element) in elements.enumerated() {
            let normalised = element.indicators.map(Self.normalised)
            let regions = element.indicators.first?.count ?? 0
            scores.append((0..<regions).map { r in
                let known = normalised.compactMap { $0[r] }
                if known.count < normalised.count { incomplete.append((e, r)) }
                return known.isEmpty ? nil : Statistics.mean(known)
            })
        }
        self.scores = scores
        self.incomplete = incomplete
    }

    /// Each value divided by the mean of the known values.
    public static func normalised(_ values: [Double?]) -> [Double?] {
        let known = values.compactMap { $0 }
        guard !known.isEmpty else { return values }
        let mean = Statistics.mean(known)
        return values.map { $0.map { $0 / mean } }
    }

    private var regionCount: Int { scores.first?.count ?? 0 }

    private func combine(_ body: ([Double]) -> Double) -> [Double?] {
        (0..<regionCount).map { r in
            let column = scores.map { $0[r] }
            return column.contains(nil) ? nil : body(column.map { $0! })
        }
    }

    /// The sum of the element scores (the average region is close to the number of elements).
    public func additive() -> [Double?] { combine { $0.reduce(0, +) } }

    /// The product of the element scores: a weak element (a bottleneck) pulls the whole down.
    public func multiplicative() -> [Double?] { combine { $0.reduce(1, *) } }

    /// The geometric mean of the element scores.
    public func geometricMean() -> [Double?] {
        combine { values in values.reduce(1, *).pow(1 / Double(values.count)) }
    }
}

private extension Double {
    func pow(_ exponent: Double) -> Double { Foundation.pow(self, exponent) }
}

extension EcosystemIndex {
    /// One region's place on the index of its year.
    public struct Region: Sendable, Equatable {
        public let code: String
        /// Each element's score divided by its mean over the regions (the average region is 1).
        public let elements: [Element.Name: Double]
        public let additive: Double
        public let multiplicative: Double
        public let additiveRank: Int
        public let multiplicativeRank: Int

        /// The elements below the average region, weakest first.
        public var belowAverage: [Element.Name] {
            elements.filter { $0.value < 1 }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        }
    }

    /// The index of every region from imported element scores (each region with all ten elements):
    /// each element is taken as the one indicator of its element, so it is divided by its mean over
    /// the regions, then added up and multiplied as for indicators. Ranked by each index, highest first.
    public static func regions(_ scores: [String: [Element.Name: Double]]) -> [Region] {
        let codes = scores.filter { $0.value.count == Element.Name.allCases.count }.keys.sorted()
        let index = EcosystemIndex(elements: Element.Name.allCases.map { name in
            Element(name: name.rawValue, indicators: [codes.map { scores[$0]?[name] }])
        })
        let additive = index.additive(), multiplicative = index.multiplicative()
        var byAdditive: [String: Double] = [:], byMultiplicative: [String: Double] = [:]
        for (r, code) in codes.enumerated() {
            byAdditive[code] = additive[r]
            byMultiplicative[code] = multiplicative[r]
        }
        let additiveRanks = Dictionary(uniqueKeysWithValues: CompetitionRanking.ranked(byAdditive).map { ($0.key, $0.rank) })
        let multiplicativeRanks = Dictionary(uniqueKeysWithValues: CompetitionRanking.ranked(byMultiplicative).map { ($0.key, $0.rank) })
        return codes.enumerated().compactMap { r, code in
            guard let sum = additive[r], let product = multiplicative[r] else { return nil }
            var elements: [Element.Name: Double] = [:]
            for (e, name) in Element.Name.allCases.enumerated() { elements[name] = index.scores[e][r] }
            return Region(code: code, elements: elements, additive: sum, multiplicative: product,
                          additiveRank: additiveRanks[code] ?? 0, multiplicativeRank: multiplicativeRanks[code] ?? 0)
        }
        .sorted { ($0.additiveRank, $0.code) < ($1.additiveRank, $1.code) }
    }
}
