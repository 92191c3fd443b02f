import Analysis
import Testing

struct RegisterPanelTests {
    static func record(_ establishment: Int, kvk: Int, sbi: String, municipality: String = "GM0193", year: Int,
                       full: Int, part: Int = 0, founded: Int? = 2000) -> RegisterRecord {
        RegisterRecord(establishmentNumber: String(establishment), kvkNumber: String(kvk), name: "E\(establishment)", sbi: sbi,
                       postcode: "", municipality: municipality, year: year, jobsFullTime: full, jobsPartTime: part, foundedYear: founded)
    }

    static let panel = RegisterPanel(records: [
        record(1, kvk: 10, sbi: "62.01", year: 2015, full: 10),
        record(1, kvk: 10, sbi: "62.01", year: 2018, full: 15, part: 3),
        record(2, kvk: 10, sbi: "62.02", year: 2015, full: 2),
        record(2, kvk: 10, sbi: "62.02", year: 2018, full: 4),
        record(3, kvk: 20, sbi: "86.10.2", year: 2018, full: 300, part: 100),
        record(4, kvk: 30, sbi: "47.91.1", municipality: "GM0166", year: 2018, full: 5),
        record(5, kvk: 40, sbi: "01.13", year: 2015, full: 12, founded: nil),
        record(5, kvk: 40, sbi: "01.13", year: 2018, full: 30, founded: nil),
    ])
    static let zwolle = Area.municipality("GM0193")

    @Test func jobsAndEstablishmentsCountOnlyTheAreaAndYear() {
        #expect(Self.panel.jobs(in: Self.zwolle, year: 2018) == 18 + 4 + 400 + 30)
        #expect(Self.panel.establishments(in: Self.zwolle, year: 2018) == 4)
        #expect(Self.panel.jobs(in: Area(municipalities: ["GM0193", "GM0166"]), year: 2018) == 457)
        #expect(Self.panel.jobs(in: Self.zwolle, year: 2016) == 0)
        #expect(Self.panel.years(in: Self.zwolle) == [2015, 2018])
    }

    @Test func jobsBySectionCoverEverySection() {
        let sections = Self.panel.jobsBySection(in: Self.zwolle, year: 2018)
        #expect(sections.count == 21)
        #expect(sections["J"] == 22)
        #expect(sections["Q"] == 400)
        #expect(sections["A"] == 30)
        #expect(sections["G"] == 0)
    }

    @Test func jobsByDivisionGroupAndClass() {
        #expect(Self.panel.jobsByCode(in: Self.zwolle, year: 2018, digits: 2) == ["62": 22, "86": 400, "01": 30])
        #expect(Self.panel.jobsByCode(in: Self.zwolle, year: 2018, digits: 3) == ["620": 22, "861": 400, "011": 30])
        #expect(Self.panel.jobsByCode(in: Self.zwolle, year: 2018, digits: 4) == ["6201": 18, "6202": 4, "8610": 400, "0113": 30])
        #expect(Self.panel.jobsByCode(in: Self.zwolle, year: 2016, digits: 2).isEmpty)
    }

    @Test func clusterPrefixesMatchDottedAndUndottedCodes() {
        #expect(Self.panel.jobs(in: Self.zwolle, year: 2018, sbiPrefixes: ["62"]) == 22)
        #expect(Self.panel.jobs(in: Area(municipalities: ["GM0166"]), year: 2018, sbiPrefixes: ["4791"]) == 5)
    }

    @Test func largeEnterpriseShareUsesEnterpriseTotals() {
        // Enterprise 20 has 400 of the 452 jobs.
        #expect(abs(Self.panel.shareOfJobsInEnterprises(withAtLeast: 250, in: Self.zwolle, year: 2018) - 400.0 / 452.0) < 1e-12)
    }

    @Test func highGrowthSumsEstablishmentsOfAnEnterprise() {
        // Enterprise 10: 12 -> 22 jobs (ratio 1.83): high-growth. Establishment 1 alone: 10 -> 18 (1.8): also.
        // Enterprise 40: 12 -> 30, founding year unknown but observed at t-3: counted.
        let enterprises = Self.panel.highGrowthUnits(in: Self.zwolle, endYear: 2018, unit: .enterprise).map(\.id)
        #expect(enterprises == ["00000010", "00000040"])
        let establishments = Self.panel.highGrowthUnits(in: Self.zwolle, endYear: 2018, unit: .establishment).map(\.id)
        #expect(establishments == ["000000000001", "000000000005"])
    }

    @Test func anEmptyAreaHasNoFigures() {
        let nowhere = Area.municipality("GM9999")
        #expect(Self.panel.jobs(in: nowhere, year: 2018) == 0)
        #expect(Self.panel.shareOfJobsInEnterprises(withAtLeast: 250, in: nowhere, year: 2018) == 0)
        #expect(Self.panel.highGrowthUnits(in: nowhere, endYear: 2018).isEmpty)
    }

    @Test func keyFiguresGiveJobsPerThousandInhabitants() {
        let figures = Self.panel.keyFigures(in: Self.zwolle, year: 2018, inhabitants: 904)
        #expect(figures.jobsPerThousandInhabitants == 500)
        #expect(Self.panel.keyFigures(in: Self.zwolle, year: 2018, inhabitants: nil).jobsPerThousandInhabitants == nil)
        #expect(Change(from: 200, to: 250).relative == 0.25)
        #expect(Change(from: 0, to: 5).relative == nil)
    }
}

struct SizeClassTests {
    @Test(arguments: [(1, "1"), (2, "2-4"), (4, "2-4"), (5, "5-9"), (10, "10-49"), (49, "10-49"), (50, "50-99"),
                      (100, "100-249"), (249, "100-249"), (250, "250+")])
    func boundariesFollowLISA(jobs: Int, label: String) {
        #expect(RegisterPanel.SizeClass(jobs: jobs)?.rawValue == label)
    }

    @Test func enterprisesSumTheirEstablishments() {
        let panel = RegisterPanelTests.panel
        let zwolle = RegisterPanelTests.zwolle
        // 2018: enterprise 10 has 18 + 4 = 22 jobs (10-49), 20 has 400 (250+), 40 has 30 (10-49).
        let enterprises = panel.sizeClasses(in: zwolle, year: 2018, unit: .enterprise)
        #expect(enterprises[.tenToFortyNine]!.units == 2)
        #expect(enterprises[.tenToFortyNine]!.jobs == 52)
        #expect(enterprises[.twoFiftyPlus]!.jobs == 400)
        #expect(enterprises.count == 7)
        // As establishments, the 4 jobs of establishment 2 fall in 2-4.
        let establishments = panel.sizeClasses(in: zwolle, year: 2018, unit: .establishment)
        #expect(establishments[.twoToFour]!.units == 1)
        #expect(establishments.values.map(\.jobs).reduce(0, +) == 452)
    }
}

struct UnitIndexTests {
    static let panel = RegisterPanel(records: [
        RegisterRecord(establishmentNumber: "000000000002", kvkNumber: "00000007", name: "B", sbi: "62.01", postcode: "",
                       municipality: "GM0193", year: 2020, jobsFullTime: 4, jobsPartTime: 1, foundedYear: nil, x: nil, y: nil),
        RegisterRecord(establishmentNumber: "000000000001", kvkNumber: "00000007", name: "A", sbi: "62.01", postcode: "",
                       municipality: "GM0166", year: 2020, jobsFullTime: 10, jobsPartTime: 0, foundedYear: nil, x: nil, y: nil),
        RegisterRecord(establishmentNumber: "000000000001", kvkNumber: "00000007", name: "A", sbi: "62.01", postcode: "",
                       municipality: "GM0166", year: 2021, jobsFullTime: 12, jobsPartTime: 0, foundedYear: nil, x: nil, y: nil),
        RegisterRecord(establishmentNumber: "000000000003", kvkNumber: "00000009", name: "C", sbi: "86.10", postcode: "",
                       municipality: "GM0193", year: 2021, jobsFullTime: 3, jobsPartTime: 0, foundedYear: nil, x: nil, y: nil),
    ])

    @Test func anEnterpriseIsFoundWithAllItsEstablishments() {
        let index = RegisterPanel.UnitIndex(Self.panel, unit: .enterprise)
        #expect(Self.panel.jobsByYear(of: 7, in: index) == [2020: 15, 2021: 12])
        #expect(Self.panel.jobsByYear(of: 9, in: index) == [2021: 3])
        #expect(index.rows(of: 8).isEmpty)
    }

    @Test func anEstablishmentIsFoundByItsNumber() {
        let index = RegisterPanel.UnitIndex(Self.panel, unit: .establishment)
        #expect(index.rows(of: 1).count == 2)
        #expect(Self.panel.jobsByYear(of: 1, in: index) == [2020: 10, 2021: 12])
        #expect(index.rows(of: 4).isEmpty)
    }
}
