import Analysis
import Foundation
import Testing

/// Oracle 03 (own Python with exact fractions; METHODS.md section 3): every firm classified as
/// the reference implementation classifies it, under each definition.
struct HighGrowthTests {
    struct Oracle: Decodable {
        let reference_year_t: Int
        let start_year_t_minus_3: Int
        let firms: [Firm]
        let summary: Summary
    }

    struct Firm: Decodable {
        let id: String
        let birth_year: Int?
        let employees: [String: Int?]
        let oecd_eurostat_2007_gt20: Bool
        let eu_reg_439_2014_gt10: Bool
        let cbs_snelgroeiend_ge10: Bool
        let gazelle_oecd_eurostat_2007: Bool
        let birch_schreyer_index: Double?
    }

    struct Summary: Decodable {
        let oecd_eurostat_2007_gt20: Int
        let eu_reg_439_2014_gt10: Int
        let cbs_snelgroeiend_ge10: Int
        let gazelles_oecd_eurostat_2007: Int
    }

    static let oracle: Oracle = {
        let url = Bundle.module.url(forResource: "03_high_growth_enterprises", withExtension: "json", subdirectory: "oracles")!
        return try! JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
    }()

    static func unit(_ firm: Firm) -> HighGrowth.Unit {
        let t = oracle.reference_year_t
        return HighGrowth.Unit(id: firm.id, born: firm.birth_year,
                               jobsStart: firm.employees[String(t - 3)] ?? nil, jobsEnd: firm.employees[String(t)] ?? nil)
    }

    @Test(arguments: oracle.firms.map(\.id))
    func classification(of id: String) {
        let firm = Self.oracle.firms.first { $0.id == id }!
        let unit = Self.unit(firm), t = Self.oracle.reference_year_t
        #expect(HighGrowth.isHighGrowth(unit, endYear: t, rule: .oecd) == firm.oecd_eurostat_2007_gt20)
        #expect(HighGrowth.isHighGrowth(unit, endYear: t, rule: .eu2014) == firm.eu_reg_439_2014_gt10)
        #expect(HighGrowth.isHighGrowth(unit, endYear: t, rule: .cbs) == firm.cbs_snelgroeiend_ge10)
        #expect(HighGrowth.isGazelle(unit, endYear: t, rule: .oecd) == firm.gazelle_oecd_eurostat_2007)
    }

    @Test func countsMatchTheOracleSummary() {
        let units = Self.oracle.firms.map(Self.unit)
        let t = Self.oracle.reference_year_t
        #expect(units.filter { HighGrowth.isHighGrowth($0, endYear: t, rule: .oecd) }.count == Self.oracle.summary.oecd_eurostat_2007_gt20)
        #expect(units.filter { HighGrowth.isHighGrowth($0, endYear: t, rule: .eu2014) }.count == Self.oracle.summary.eu_reg_439_2014_gt10)
        #expect(units.filter { HighGrowth.isHighGrowth($0, endYear: t, rule: .cbs) }.count == Self.oracle.summary.cbs_snelgroeiend_ge10)
        #expect(units.filter { HighGrowth.isGazelle($0, endYear: t, rule: .oecd) }.count == Self.oracle.summary.gazelles_oecd_eurostat_2007)
    }

    @Test func growthOfExactlyTwentyPercentIsNotHighGrowthButJustAboveIs() {
        let exact = HighGrowth.Unit(id: "a", born: 2000, jobsStart: 1000, jobsEnd: 1728)
        let above = HighGrowth.Unit(id: "b", born: 2000, jobsStart: 1000, jobsEnd: 1729)
        #expect(!HighGrowth.isHighGrowth(exact, endYear: 2020, rule: .oecd))
        #expect(HighGrowth.isHighGrowth(above, endYear: 2020, rule: .oecd))
    }

    @Test func zeroJobsAtTheStartOrAMissingEndIsNeverHighGrowth() {
        let anyStart = HighGrowth.Rule(thresholdBasisPoints: 2000, minimumSize: 0)
        #expect(!HighGrowth.isHighGrowth(.init(id: "a", born: 2000, jobsStart: 0, jobsEnd: 50), endYear: 2020, rule: anyStart))
        #expect(HighGrowth.isHighGrowth(.init(id: "b", born: 2000, jobsStart: 1, jobsEnd: 2), endYear: 2020, rule: anyStart))
        #expect(!HighGrowth.isHighGrowth(.init(id: "c", born: 2000, jobsStart: 10, jobsEnd: nil), endYear: 2020, rule: .oecd))
        #expect(!HighGrowth.isHighGrowth(.init(id: "d", born: 2000, jobsStart: nil, jobsEnd: 100), endYear: 2020, rule: .oecd))
    }

    @Test func birchSchreyerMatchesTheOracle() {
        for firm in Self.oracle.firms {
            guard let expected = firm.birch_schreyer_index else { continue }
            let value = HighGrowth.birchSchreyer(Self.unit(firm))
            #expect(value.map { abs($0 - expected) < 1e-9 } == true, "\(firm.id): \(String(describing: value)) != \(expected)")
        }
    }
}
