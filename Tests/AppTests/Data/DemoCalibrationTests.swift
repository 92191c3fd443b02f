@testable import App
import Analysis
import Testing

/// The demo register, recomputed with `Analysis`, reproduces the figures the strategy publishes
/// (PRODUCT.md "Demo data"; ../shared/reference/zwolle-strategy.json).
struct DemoCalibrationTests {
    /// Generated once for all tests here: the whole region, 2009-2025.
    static let records: [RegisterRecord] = {
        let reference = try! ReferenceData.load()
        return DemoRegister(
            municipalities: reference.members(of: .zwolle).map { DemoRegister.Municipality(code: $0.code, inhabitants: $0.inhabitants2024) },
            zwollePostcodeAreas: reference.postcodeAreas["GM0193"] ?? []
        ).records()
    }()
    static let panel = RegisterPanel(records: records)
    static let zwolle = Area.municipality("GM0193")
    static let ict = ["58.2", "61", "62", "63", "47.91"]
    static let health = ["86", "87", "88"]

    static func within(_ value: Int, _ target: Int, _ tolerance: Double) -> Bool {
        abs(Double(value - target)) <= Double(target) * tolerance
    }

    @Test func zwolleHasAbout100290JobsAnd12241EstablishmentsIn2020() {
        let jobs = Self.panel.jobs(in: Self.zwolle, year: 2020)
        let establishments = Self.panel.establishments(in: Self.zwolle, year: 2020)
        #expect(Self.within(jobs, 100_290, 0.02), "jobs 2020: \(jobs)")
        #expect(Self.within(establishments, 12_241, 0.02), "establishments 2020: \(establishments)")
    }

    @Test func ictAndECommerceHas4574JobsIn2019AfterGrowingSixtyPercent() {
        let jobs2019 = Self.panel.jobs(in: Self.zwolle, year: 2019, sbiPrefixes: Self.ict)
        let jobs2009 = Self.panel.jobs(in: Self.zwolle, year: 2009, sbiPrefixes: Self.ict)
        #expect(Self.within(jobs2019, 4_574, 0.02), "ICT 2019: \(jobs2019)")
        let growth = Double(jobs2019) / Double(jobs2009) - 1
        #expect((0.55...0.65).contains(growth), "ICT growth 2009-2019: \(growth)")
    }

    @Test func healthAddsAbout3000JobsAThirdOfThemAtTheHospital() {
        let jobs2019 = Self.panel.jobs(in: Self.zwolle, year: 2019, sbiPrefixes: Self.health)
        let added = jobs2019 - Self.panel.jobs(in: Self.zwolle, year: 2009, sbiPrefixes: Self.health)
        #expect(Self.within(added, 3_000, 0.1), "health added \(added)")
        let byEnterprise = Self.panel.jobsByEnterprise(in: Self.zwolle, year: 2019)
        let hospital = Self.records.first { $0.name == "Isala" }!
        let hospitalJobs = byEnterprise[Int64(hospital.kvkNumber)!]!
        let share = Double(hospitalJobs) / Double(jobs2019)
        #expect((0.30...0.37).contains(share), "hospital share of health jobs: \(share)")
    }

    @Test(arguments: [2013, 2018])
    func twentyHighGrowthEnterprises(endYear: Int) {
        let fastGrowers = Self.panel.highGrowthUnits(in: Self.zwolle, endYear: endYear, unit: .enterprise, rule: .oecd)
        #expect(fastGrowers.count == 20)
    }

    @Test func fastGrowersInTheRegionAsPublished() {
        let regio = Area(municipalities: Set(Self.records.map(\.municipality)))
        #expect(Self.panel.highGrowthUnits(in: regio, endYear: 2013).count == 65)
        #expect(Self.panel.highGrowthUnits(in: regio, endYear: 2018).count == 120)
    }

    @Test func aThirdToFortyPercentOfJobsAreInEnterprisesOf250OrMore() {
        let share = Self.panel.shareOfJobsInEnterprises(withAtLeast: 250, in: Self.zwolle, year: 2020)
        #expect((1.0 / 3.0...0.40).contains(share), "share in 250+: \(share)")
    }

    @Test func wholesaleAndLogisticsAreFiveToTenPercentOfJobs() {
        let jobs = Self.panel.jobs(in: Self.zwolle, year: 2020, sbiPrefixes: ["46", "49", "50", "51", "52", "53"])
        let share = Double(jobs) / Double(Self.panel.jobs(in: Self.zwolle, year: 2020))
        #expect((0.05...0.10).contains(share), "wholesale and logistics: \(share)")
    }

    @Test func everyRegioZwolleMunicipalityAndYearIsPresent() {
        let municipalities = Set(Self.records.map(\.municipality))
        #expect(municipalities.count == 22)
        for code in municipalities {
            #expect(Self.panel.years(in: .municipality(code)) == Array(2009...2025), "\(code)")
        }
        // The rest of the region is a real comparison: fewer jobs per inhabitant than the city.
        let rest = Area(municipalities: municipalities.subtracting(["GM0193"]))
        #expect(Self.panel.jobs(in: rest, year: 2020) > 150_000)
    }

    @Test func everyRecordPassesTheRegisterContract() throws {
        let reference = try ReferenceData.load()
        let rules = reference.registerRules(years: 1990...2027)
        let sample = Self.records.enumerated().filter { $0.offset % 97 == 0 }.map(\.element)
        let reread = try RegisterCSV.read(Array(RegisterCSV.write(sample).utf8), file: "demo.csv", rules: rules)
        #expect(Set(reread) == Set(sample))
        #expect(Set(Self.records.map(\.sbi)).isSubset(of: Set(reference.sbiCodes.map(\.code))))
    }

    @Test func theDemoIsTheSameEveryTime() {
        let reference = try! ReferenceData.load()
        let zwolle = [DemoRegister.Municipality(code: "GM0193", inhabitants: 133_141)]
        let first = DemoRegister(municipalities: zwolle, zwollePostcodeAreas: reference.postcodeAreas["GM0193"] ?? []).records()
        let second = DemoRegister(municipalities: zwolle, zwollePostcodeAreas: reference.postcodeAreas["GM0193"] ?? []).records()
        #expect(first == second)
    }
}
