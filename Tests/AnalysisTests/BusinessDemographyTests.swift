import Analysis
import Foundation
import Testing

/// Business demography (docs/methods.md section 10): a worked example by hand, and a random
/// register against a plain, record-by-record computation of the same definitions.
struct BusinessDemographyTests {
    static func record(_ establishment: Int, kvk: Int, year: Int, in municipality: String, jobs: Int = 1, sbi: String = "62.01", founded: Int?) -> RegisterRecord {
        RegisterRecord(establishmentNumber: String(format: "%012d", establishment), kvkNumber: String(format: "%08d", kvk), name: "F\(establishment)", sbi: sbi,
                       postcode: "", municipality: municipality, year: year, jobsFullTime: jobs, jobsPartTime: 0, foundedYear: founded)
    }

    /// Six establishments in Zwolle (GM0193) and Kampen (GM0166), 2015-2022:
    /// 1 old, there throughout; 2 born 2017, closes after 2018; 3 born 2017 (founded 2016), moves
    /// to Kampen in 2019; 4 new in 2018 but founded 2001 (another newcomer); 5 born 2019, gone
    /// in 2020, back in 2021 (a return, never a closure); 6 arrives from Kampen in 2020.
    @Test func workedExample() {
        var records: [RegisterRecord] = []
        for year in 2015...2022 { records.append(Self.record(1, kvk: 1, year: year, in: "GM0193", founded: 1990)) }
        for year in 2017...2018 { records.append(Self.record(2, kvk: 2, year: year, in: "GM0193", founded: 2017)) }
        for year in 2017...2022 { records.append(Self.record(3, kvk: 3, year: year, in: year < 2019 ? "GM0193" : "GM0166", founded: 2016)) }
        for year in 2018...2022 { records.append(Self.record(4, kvk: 4, year: year, in: "GM0193", founded: 2001)) }
        for year in [2019, 2021, 2022] { records.append(Self.record(5, kvk: 5, year: year, in: "GM0193", founded: 2019)) }
        for year in 2015...2022 { records.append(Self.record(6, kvk: 6, year: year, in: year < 2020 ? "GM0166" : "GM0193", founded: 2010)) }
        let zwolle = RegisterPanel(records: records).demography(in: .municipality("GM0193"), unit: .establishment)

        #expect(zwolle.year(2015) == .init(year: 2015, stock: 1, births: nil, otherEntries: nil, returns: nil, arrivals: nil, departures: nil, closures: 0))
        #expect(zwolle.year(2017)?.births == 2)
        #expect(zwolle.year(2017)?.stock == 3)
        #expect(zwolle.year(2018)?.otherEntries == 1)
        #expect(zwolle.year(2018)?.closures == 1, "2 is last there in 2018 and not back in 2019 or 2020")
        #expect(zwolle.year(2019)?.departures == 1, "3 moved to Kampen")
        #expect(zwolle.year(2019)?.births == 1)
        #expect(zwolle.year(2019)?.closures == 0, "5 is back within two years")
        #expect(zwolle.year(2020)?.arrivals == 1, "6 came from Kampen")
        #expect(zwolle.year(2021)?.returns == 1)
        #expect(zwolle.year(2021)?.closures == nil, "2023 is not in the register")
        #expect(zwolle.year(2020)?.closures == 0)
        let cohort2017 = zwolle.cohort(2017)
        #expect(cohort2017?.births == 2)
        #expect(cohort2017?.survivors[1] == .some(2))
        #expect(cohort2017?.survivors[2] == .some(1), "3 survives in Kampen, 2 is gone")
        #expect(cohort2017?.survivors[5] == .some(1))
        #expect(zwolle.cohort(2019)?.survivors[1] == .some(0), "5 is absent in 2020")
        #expect(zwolle.cohort(2019)?.survivors[5] == .some(nil), "2024 is not in the register")
        #expect(zwolle.birthsByYear[2017] == [2, 3])
        #expect(zwolle.year(2017)?.birthRate == 2.0 / 3.0)

        // Kampen sees 3 arrive and 6 depart.
        let kampen = RegisterPanel(records: records).demography(in: .municipality("GM0166"), unit: .establishment)
        #expect(kampen.year(2019)?.arrivals == 1)
        #expect(kampen.year(2020)?.departures == 1)
        #expect(kampen.year(2019)?.births == 0)
    }

    /// An enterprise is one unit however many establishments it has, and is judged by its main one.
    @Test func enterprisesCountOnceAndByTheirMainEstablishment() {
        let records = [
            Self.record(1, kvk: 10, year: 2020, in: "GM0193", founded: nil),
            Self.record(2, kvk: 11, year: 2021, in: "GM0193", jobs: 5, sbi: "62.01", founded: 2021),
            Self.record(3, kvk: 11, year: 2021, in: "GM0193", jobs: 2, sbi: "47.11", founded: 2021),
        ]
        let panel = RegisterPanel(records: records)
        #expect(panel.demography(in: .municipality("GM0193"), unit: .enterprise).year(2021)?.births == 1)
        #expect(panel.demography(in: .municipality("GM0193"), unit: .establishment).year(2021)?.births == 2)
        #expect(panel.demography(in: .municipality("GM0193"), unit: .enterprise, filter: .section("J")).year(2021)?.births == 1)
        #expect(panel.demography(in: .municipality("GM0193"), unit: .enterprise, filter: .section("G")).year(2021)?.births == 0)
        #expect(panel.demography(in: .municipality("GM0193"), unit: .establishment, filter: .section("G")).year(2021)?.births == 1)
        let cluster = ClusterDefinition(sbiPrefixes: ["62"], excludedEstablishments: [2])
        #expect(panel.demography(in: .municipality("GM0193"), unit: .establishment, filter: .cluster(cluster)).year(2021)?.births == 0)
    }

    /// An enterprise arrives when one of its establishments moves in, not when it opens a branch;
    /// it departs when one moves out, not when its branch here closes.
    @Test func anEnterpriseMovesWithItsEstablishments() {
        var records: [RegisterRecord] = []
        for year in 2019...2021 { records.append(Self.record(60, kvk: 6, year: year, in: "GM0193", founded: 1990)) }
        for year in 2019...2021 { records.append(Self.record(70, kvk: 7, year: year, in: "GM0166", founded: 2000)) }
        for year in 2020...2020 { records.append(Self.record(71, kvk: 7, year: year, in: "GM0193", founded: 2020)) }
        for year in 2019...2021 { records.append(Self.record(80, kvk: 8, year: year, in: year < 2020 ? "GM0166" : "GM0193", founded: 2000)) }
        let zwolle = RegisterPanel(records: records).demography(in: .municipality("GM0193"), unit: .enterprise)
        #expect(zwolle.year(2020)?.arrivals == 1, "8 moved its establishment in; 7 opened a branch")
        #expect(zwolle.year(2021)?.departures == 0, "7's branch closed: no move")
        #expect(zwolle.year(2020)?.stock == 3)
    }

    /// A random register of 400 establishments over 12 years in three municipalities, against the
    /// definitions computed record by record.
    @Test(arguments: [RegisterPanel.Unit.establishment, .enterprise], [RegisterPanel.UnitFilter.all, .section("J")])
    func matchesAPlainComputation(unit: RegisterPanel.Unit, filter: RegisterPanel.UnitFilter) {
        var seed: UInt64 = 20_261_204
        func random(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let municipalities = ["GM0193", "GM0166", "GM0148"]
        var records: [RegisterRecord] = []
        for establishment in 1...400 {
            let kvk = 1 + random(250)
            let start = 2010 + random(12), end = min(2021, start + random(12))
            var municipality = municipalities[random(3)]
            let founded = random(5) == 0 ? nil : start - random(3)
            for year in start...end where random(8) != 0 {
                if random(10) == 0 { municipality = municipalities[random(3)] }
                records.append(Self.record(establishment, kvk: kvk, year: year, in: municipality, jobs: 1 + random(20),
                                           sbi: ["62.01", "47.11", "86.10"][random(3)], founded: founded))
            }
        }
        let area = Area(municipalities: ["GM0193", "GM0148"])
        let computed = RegisterPanel(records: records).demography(in: area, unit: unit, filter: filter)
        let expected = Self.plain(records, area: area, unit: unit, section: filter == .all ? nil : "J")
        #expect(computed.years == expected.years)
        #expect(computed.cohorts == expected.cohorts)
        #expect(computed.years.contains { ($0.births ?? 0) > 0 } && computed.years.contains { ($0.closures ?? 0) > 0 }
                && computed.years.contains { ($0.arrivals ?? 0) > 0 } && computed.years.contains { ($0.returns ?? 0) > 0 })
    }

    /// The definitions, record by record, with sets.
    static func plain(_ records: [RegisterRecord], area: Area, unit: RegisterPanel.Unit, section: String?) -> BusinessDemography {
        let id = { (record: RegisterRecord) in unit == .enterprise ? record.kvkNumber : record.establishmentNumber }
        let years = Set(records.map(\.year)).sorted()
        var present: [String: Set<Int>] = [:], inArea: [String: Set<Int>] = [:], matching: [String: Set<Int>] = [:], founded: [String: Int] = [:]
        for record in records {
            present[id(record), default: []].insert(record.year)
            if let year = record.foundedYear { founded[id(record)] = min(founded[id(record)] ?? year, year) }
        }
        for (key, rows) in Dictionary(grouping: records.filter { area.municipalities.contains($0.municipality) }, by: { "\(id($0)) \($0.year)" }) {
            let unitID = String(key.split(separator: " ")[0]), year = rows[0].year
            inArea[unitID, default: []].insert(year)
            let main = rows.sorted { ($0.jobs, $1.establishmentNumber) > ($1.jobs, $0.establishmentNumber) }[0]
            if section == nil || SBI.section(of: main.sbi) == section { matching[unitID, default: []].insert(year) }
        }
        // Moves are establishments changing municipality: into the area (from elsewhere in the
        // register the year before) or out of it; an enterprise moves with one of its establishments.
        let byEstablishment = Dictionary(grouping: records, by: \.establishmentNumber).mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.year, $0) }) }
        var movedIn: [String: Set<Int>] = [:], movedOut: [String: Set<Int>] = [:]
        for record in records {
            guard let before = byEstablishment[record.establishmentNumber]?[record.year - 1] else { continue }
            let wasIn = area.municipalities.contains(before.municipality), isIn = area.municipalities.contains(record.municipality)
            if isIn && !wasIn { movedIn[id(record), default: []].insert(record.year) }
            if !isIn && wasIn { movedOut[id(record), default: []].insert(record.year) }
        }
        var result: [BusinessDemography.Year] = [], cohorts: [BusinessDemography.Cohort] = [], births: [Int: [Int64]] = [:]
        for year in years {
            let stock = matching.filter { $0.value.contains(year) }
            let flows = years.contains(year - 1)
            var born: [String] = [], others = 0, returns = 0, arrivals = 0, departures = 0, closures = 0
            for (unitID, _) in stock {
                let seen = present[unitID]!
                if seen.min() == year {
                    if let f = founded[unitID], f == year || f == year - 1 { born.append(unitID) } else { others += 1 }
                } else if !seen.contains(year - 1) {
                    returns += 1
                } else if !(inArea[unitID] ?? []).contains(year - 1), (movedIn[unitID] ?? []).contains(year) {
                    arrivals += 1
                }
                if !seen.contains(year + 1) && !seen.contains(year + 2) { closures += 1 }
            }
            for (unitID, years) in matching where years.contains(year - 1) && !(inArea[unitID] ?? []).contains(year) && (movedOut[unitID] ?? []).contains(year) {
                departures += 1
            }
            let closed = years.contains(year + 1) && years.contains(year + 2)
            result.append(.init(year: year, stock: stock.count, births: flows ? born.count : nil, otherEntries: flows ? others : nil, returns: flows ? returns : nil,
                                arrivals: flows ? arrivals : nil, departures: flows ? departures : nil, closures: closed ? closures : nil))
            guard flows else { continue }
            births[year] = born.compactMap { Int64($0) }.sorted()
            var survivors: [Int: Int?] = [:]
            for k in BusinessDemography.survivalYears {
                survivors[k] = years.contains(year + k) ? born.filter { present[$0]!.contains(year + k) }.count : nil
            }
            cohorts.append(.init(year: year, births: born.count, survivors: survivors))
        }
        return BusinessDemography(years: result, cohorts: cohorts, birthsByYear: births)
    }
}
