import Analysis
import Testing

/// Oracle 07: own numpy reference cross-checked with pandas (METHODS.md section 7).
struct EcosystemIndexTests {
    static var oracle: [String: Any] { Oracle.load("07_entrepreneurial_ecosystem_index") }
    static var regions: [String] { oracle["regions"] as! [String] }
    static var expected: [String: Any] { oracle["expected"] as! [String: Any] }
    static var index: EcosystemIndex {
        let elements = (oracle["indicators"] as! [String: [String: Any]]).sorted { $0.key < $1.key }.map { name, indicators in
            EcosystemIndex.Element(name: name, indicators: indicators.sorted { $0.key < $1.key }.map { Oracle.numbers($0.value) })
        }
        return EcosystemIndex(elements: elements)
    }

    @Test func normalisedIndicatorsAndElementScores() {
        let indicators = (Self.oracle["indicators"] as! [String: [String: Any]]).values.flatMap { $0 }
        let normalised = Self.expected["normalised_indicators"] as! [String: Any]
        #expect(indicators.count == 11 && Set(indicators.map(\.key)) == Set(normalised.keys))
        for (name, values) in indicators {
            #expect(Oracle.close(EcosystemIndex.normalised(Oracle.numbers(values)), Oracle.numbers(normalised[name])), "\(name)")
        }
        let index = Self.index
        let elementScores = Self.expected["element_scores"] as! [String: Any]
        #expect(index.elements.count == 10)
        for (element, scores) in zip(index.elements, index.scores) {
            #expect(Oracle.close(scores, Oracle.numbers(elementScores[element.name])), "\(element.name)")
        }
        #expect(index.incomplete.isEmpty)
    }

    @Test func indicesRankingsAndCorrelationWithHighGrowthFirms() throws {
        let index = Self.index
        let cases: [(String, [Double?], String?)] = [
            ("additive_index", index.additive(), "ranking_additive"),
            ("multiplicative_index", index.multiplicative(), "ranking_multiplicative"),
            ("geometric_mean_index", index.geometricMean(), nil),
        ]
        for (key, values, rankingKey) in cases {
            let wanted = (Self.expected[key] as! [String: Any]).mapValues { Oracle.number($0) }
            for (region, value) in zip(Self.regions, values) {
                #expect(Oracle.close(value, wanted[region]!), "\(key) \(region)")
            }
            if let rankingKey {
                let ranking = Statistics.ranking(values.map { $0! }, higherIsBetter: true).map { Self.regions[$0] }
                #expect(ranking == Self.expected[rankingKey] as! [String])
            }
        }
        // Test invariant: over the comparison set the additive index averages exactly 10.
        #expect(Oracle.close(Statistics.mean(index.additive().map { $0! }), 10))

        let output = Oracle.numbers(Self.oracle["output_hgf_per_1000_firms"]).map { $0! }
        let correlation = Self.expected["pearson_r_with_output"] as! [String: Any]
        #expect(Oracle.close(Statistics.pearson(index.additive().map { $0! }, output), Oracle.number(correlation["additive"])))
        #expect(Oracle.close(Statistics.pearson(index.multiplicative().map { $0! }, output), Oracle.number(correlation["multiplicative"])))
    }

    /// METHODS.md: a missing indicator is left out of its element's mean, and flagged.
    @Test func missingIndicatorIsAveragedOverTheOthersAndFlagged() {
        let index = EcosystemIndex(elements: [
            .init(name: "physical_infrastructure", indicators: [[70, 65, nil], [96, 95, 90]]),
        ])
        let accessibility = 70.0 / 67.5, broadband = 96.0 / (281.0 / 3)
        #expect(Oracle.close(index.scores[0][0], (accessibility + broadband) / 2))
        #expect(Oracle.close(index.scores[0][2], 90 / (281.0 / 3)))
        #expect(index.incomplete.map(\.region) == [2])
    }
}
