import Analysis
import Foundation
import Testing

/// The figures and the JSON shape of `vliegwiel analyse` (PRODUCT.md "Data contracts").
struct MonitorReportTests {
    static let national: [Int: [String: Int]] = [
        2015: ["J": 1_000, "Q": 3_000, "A": 1_000],
        2018: ["J": 1_200, "Q": 3_300, "A": 900],
    ]

    static func report(national: [Int: [String: Int]]? = national, inhabitants: Int? = 904) -> MonitorReport {
        MonitorReport(panel: RegisterPanelTests.panel, area: RegisterPanelTests.zwolle, name: "GM0193", from: 2015, to: 2018,
                      unit: .enterprise, rule: .oecd, national: national, inhabitants: inhabitants)
    }

    @Test func containsTheContractFields() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.report())) as! [String: Any]
        #expect(Set(json.keys) == ["area", "from", "to", "unit", "jobs", "establishments", "jobs_by_section", "lq_by_section",
                                   "shift_share", "high_growth", "gazelles", "jobs_per_1000_inhabitants"])
        let shift = json["shift_share"] as! [String: Any]
        #expect(Set(shift.keys) == ["national_share", "industry_mix", "regional_shift", "by_section"])
        let lq = (json["lq_by_section"] as! [String: Any])["to"] as! [String: Any]
        #expect(lq.count == 21)
        #expect(lq["G"] is NSNull, "a section without national jobs has no LQ")
    }

    @Test func figuresAreThoseOfThePanel() {
        let report = Self.report()
        #expect(report.jobs.from == 24 && report.jobs.to == 452)
        #expect(report.establishments.to == 4)
        #expect(report.highGrowth.ids == ["00000010", "00000040"])
        #expect(report.gazelles.count == 0)
        #expect(report.jobsPer1000Inhabitants == 500)
        // J: 12 -> 22 jobs while the nation grows 20%; Q is new in the region (0 -> 400).
        let j = report.shiftShare!.bySection!["J"]!
        #expect(abs(j.nationalShare + j.industryMix + j.regionalShift - 10) < 1e-9)
        let total = report.shiftShare!
        #expect(abs(total.nationalShare + total.industryMix + total.regionalShift - Double(452 - 24)) < 1e-9)
    }

    @Test func withoutNationalOrPopulationThoseFiguresAreLeftOut() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.report(national: nil, inhabitants: nil))) as! [String: Any]
        #expect(json["lq_by_section"] == nil)
        #expect(json["shift_share"] == nil)
        #expect(json["jobs_per_1000_inhabitants"] == nil)
    }

    /// A year the register has no rows for gives zeros and no high-growth firms, not a crash or a guess.
    @Test func aMissingEndYearGivesZerosAndNoFastGrowers() {
        let report = MonitorReport(panel: RegisterPanelTests.panel, area: RegisterPanelTests.zwolle, name: "GM0193", from: 2015, to: 2030,
                                   unit: .enterprise, rule: .oecd, national: nil, inhabitants: nil)
        #expect(report.jobs.to == 0 && report.establishments.to == 0)
        #expect(report.jobs.from == Self.report().jobs.from)
        #expect(report.highGrowth.count == 0 && report.gazelles.count == 0)
        #expect(report.jobsBySection.to.values.allSatisfy { $0 == 0 })
    }
}
