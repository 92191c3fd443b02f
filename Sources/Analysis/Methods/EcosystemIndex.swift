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
