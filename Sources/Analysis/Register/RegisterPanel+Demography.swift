/// Business demography over the whole register (see `BusinessDemography` for the definitions).
extension RegisterPanel {
    /// Which units a demography counts: all, one SBI section, or one cluster's. An enterprise is
    /// judged by its main establishment in the area that year (most jobs, then lowest number).
    public enum UnitFilter: Sendable, Equatable {
        case all
        case section(String)
        case cluster(ClusterDefinition)
    }

    /// Stock, flows and survival of the units in the area, for every year of the register.
    public func demography(in area: Area, unit: Unit, filter: UnitFilter = .all) -> BusinessDemography {
        demography(in: area, unit: unit, filters: [filter])[0]
    }

    /// The demography of the area for each filter, from one pass over all rows: each unit's years
    /// as bit sets (where it is in the register, where in the area, and where in the area and
    /// passing each filter). At most 32 filters.
    public func demography(in area: Area, unit: Unit, filters: [UnitFilter]) -> [BusinessDemography] {
        precondition(filters.count <= 32, "at most 32 filters")
        let allYears = years
        guard let firstYear = allYears.first, let lastYear = allYears.last else {
            return filters.map { _ in BusinessDemography(years: [], cohorts: [], birthsByYear: [:]) }
        }
        // Bit i stands for base + i; the register spans at most 64 years this way.
        let base = max(firstYear, lastYear - 63)
        let span = lastYear - base + 1
        let member = membership(of: area)
        let inPlace = postcodeTest(area) ?? { _ in true }
        let tests = filters.map(rowTest)
        let passes = { (row: Int) -> UInt32 in
            var mask: UInt32 = 0
            for (index, test) in tests.enumerated() where test(row) { mask |= 1 << UInt32(index) }
            return mask
        }
        let ids = unit == .enterprise ? enterprise : establishment

        // Each unit gets a number; its bit sets are kept in flat arrays by that number.
        var number: [Int64: Int32] = [:]
        var unitIDs: [Int64] = [], everywhere: [UInt64] = [], inArea: [UInt64] = [], earliestFounded: [Int16] = []
        var matching: [UInt64] = [] // unit * filters.count + filter
        // An enterprise's main establishment in the area per year decides which filters it passes.
        struct Main { var jobs: Int; var establishment: Int64; var passes: UInt32 }
        var mains: [Int64: Main] = [:]
        for row in 0..<count {
            let offset = Int(year[row]) - base
            guard offset >= 0, offset < span else { continue }
            let bit = UInt64(1) << UInt64(offset)
            let id = ids[row]
            let index: Int
            if let known = number[id] {
                index = Int(known)
            } else {
                index = unitIDs.count
                number[id] = Int32(index)
                unitIDs.append(id)
                everywhere.append(0)
                inArea.append(0)
                earliestFounded.append(0)
                matching.append(contentsOf: repeatElement(0, count: filters.count))
            }
            everywhere[index] |= bit
            let born = founded[row]
            if born > 0, earliestFounded[index] == 0 || born < earliestFounded[index] { earliestFounded[index] = born }
            guard member[Int(municipality[row])], inPlace(row) else { continue }
            inArea[index] |= bit
            if unit == .establishment {
                let mask = passes(row)
                for filter in filters.indices where mask & (1 << UInt32(filter)) != 0 { matching[index * filters.count + filter] |= bit }
            } else {
                let candidate = Main(jobs: jobs(atRow: row), establishment: establishment[row], passes: passes(row))
                modify(&mains[Int64(index) &* 64 &+ Int64(offset), default: candidate]) { main in
                    if (candidate.jobs, main.establishment) > (main.jobs, candidate.establishment) { main = candidate }
                }
            }
        }
        for (key, main) in mains {
            let index = Int(key >> 6), bit = UInt64(1) << UInt64(key & 63)
            for filter in filters.indices where main.passes & (1 << UInt32(filter)) != 0 { matching[index * filters.count + filter] |= bit }
        }
        return filters.indices.map { filter in
            tally(span: span, base: base, inRegister: (0..<span).map { allYears.contains(base + $0) }, units: unitIDs.indices.lazy.filter { inArea[$0] != 0 }.map { index in
                (id: unitIDs[index], everywhere: everywhere[index], inArea: inArea[index], matching: matching[index * filters.count + filter],
                 founded: earliestFounded[index] > 0 ? Int(earliestFounded[index]) : nil)
            })
        }
    }

    /// Counts the flows from each unit's bit sets (bit i: year base + i).
    private func tally(span: Int, base: Int, inRegister: [Bool],
                       units: some Sequence<(id: Int64, everywhere: UInt64, inArea: UInt64, matching: UInt64, founded: Int?)>) -> BusinessDemography {
        var stock = [Int](repeating: 0, count: span), births = stock, others = stock, returns = stock
        var arrivals = stock, departures = stock, closures = stock
        var born: [[Int64]] = Array(repeating: [], count: span)
        var survivors = [[Int]](repeating: [Int](repeating: 0, count: BusinessDemography.survivalYears.count), count: span)
        for timeline in units {
            let firstOffset = timeline.everywhere.trailingZeroBitCount
            for offset in 0..<span {
                let bit = UInt64(1) << UInt64(offset)
                let previous = offset > 0 ? bit >> 1 : 0
                if timeline.matching & bit != 0 {
                    stock[offset] += 1
                    if offset > 0 {
                        if offset == firstOffset {
                            if BusinessDemography.isBirth(founded: timeline.founded, firstYear: base + offset) {
                                births[offset] += 1
                                born[offset].append(timeline.id)
                                for (index, years) in BusinessDemography.survivalYears.enumerated() where offset + years < span {
                                    if timeline.everywhere & (bit << UInt64(years)) != 0 { survivors[offset][index] += 1 }
                                }
                            } else {
                                others[offset] += 1
                            }
                        } else if timeline.everywhere & previous == 0 {
                            returns[offset] += 1
                        } else if timeline.inArea & previous == 0 {
                            arrivals[offset] += 1
                        }
                    }
                    if offset + 2 < span, timeline.everywhere & (bit << 1 | bit << 2) == 0 { closures[offset] += 1 }
                }
                if offset > 0, timeline.matching & previous != 0, timeline.inArea & bit == 0, timeline.everywhere & bit != 0 {
                    departures[offset] += 1
                }
            }
        }

        var result: [BusinessDemography.Year] = []
        var cohorts: [BusinessDemography.Cohort] = []
        var birthsByYear: [Int: [Int64]] = [:]
        for offset in 0..<span where inRegister[offset] {
            let year = base + offset
            // Flows need the year before in the register; closures the two years after.
            let flows = offset > 0 && inRegister[offset - 1]
            let closed = offset + 2 < span && inRegister[offset + 1] && inRegister[offset + 2]
            result.append(BusinessDemography.Year(
                year: year, stock: stock[offset], births: flows ? births[offset] : nil, otherEntries: flows ? others[offset] : nil,
                returns: flows ? returns[offset] : nil, arrivals: flows ? arrivals[offset] : nil, departures: flows ? departures[offset] : nil,
                closures: closed ? closures[offset] : nil))
            guard flows else { continue }
            birthsByYear[year] = born[offset].sorted()
            var survived: [Int: Int?] = [:]
            for (index, years) in BusinessDemography.survivalYears.enumerated() {
                let later = offset + years
                survived[years] = later < span && inRegister[later] ? survivors[offset][index] : nil
            }
            cohorts.append(BusinessDemography.Cohort(year: year, births: births[offset], survivors: survived))
        }
        return BusinessDemography(years: result, cohorts: cohorts, birthsByYear: birthsByYear)
    }

    /// Whether a row passes the filter, by its SBI code and its ids.
    private func rowTest(_ filter: UnitFilter) -> (Int) -> Bool {
        switch filter {
        case .all:
            return { _ in true }
        case .section(let letter):
            let wanted = SBI.sections.firstIndex(of: letter.uppercased()).map(Int8.init) ?? -2
            return { row in sectionOfSBI[Int(sbi[row])] == wanted }
        case .cluster(let definition):
            let covered = sbiCodes.map(definition.covers(sbi:))
            return { row in definition.includes(enterprise: enterprise[row], establishment: establishment[row], covered: covered[Int(sbi[row])]) }
        }
    }

    private func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }
}
