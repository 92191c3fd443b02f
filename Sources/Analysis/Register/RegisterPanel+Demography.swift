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
    /// passing each filter). More than 32 filters take a pass per 32.
    public func demography(in area: Area, unit: Unit, filters: [UnitFilter]) -> [BusinessDemography] {
        if filters.count > 32 {
            return stride(from: 0, to: filters.count, by: 32).flatMap { start in
                demography(in: area, unit: unit, filters: Array(filters[start..<min(start + 32, filters.count)]))
            }
        }
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
        // Units by dense number (no hashing of ids per row).
        let (numberOfRow, unitIDs) = unitNumbering(unit)
        let units = unitIDs.count
        // A move is an establishment number that changes municipality within the register: for an
        // enterprise, one of its establishments moving into or out of the area.
        let establishmentYears = unit == .enterprise ? establishmentTimelines(in: area, base: base, span: span) : nil

        var everywhere = [UInt64](repeating: 0, count: units), inArea = everywhere, movedIn = everywhere, movedOut = everywhere
        var earliestFounded = [Int16](repeating: 0, count: units)
        var matching = [UInt64](repeating: 0, count: units * filters.count) // unit * filters.count + filter
        // An enterprise's main establishment in the area per year decides which filters it passes.
        struct Main { var jobs: Int; var establishment: Int64; var passes: UInt32 }
        var mains: [Int64: Main] = [:]
        for row in 0..<count {
            let offset = Int(year[row]) - base
            guard offset >= 0, offset < span else { continue }
            let bit = UInt64(1) << UInt64(offset)
            let index = Int(numberOfRow[row])
            everywhere[index] |= bit
            let born = founded[row]
            if born > 0, earliestFounded[index] == 0 || born < earliestFounded[index] { earliestFounded[index] = born }
            let isInArea = member[Int(municipality[row])] && inPlace(row)
            if let establishmentYears, offset > 0 {
                let moved = establishmentYears.years[Int(establishmentYears.numberOfRow[row])]
                let previous = bit >> 1
                if isInArea, moved.inArea & previous == 0, moved.everywhere & previous != 0 { movedIn[index] |= bit }
                if !isInArea, moved.inArea & previous != 0 { movedOut[index] |= bit }
            }
            guard isInArea else { continue }
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
        if unit == .establishment {
            // An establishment moves in when it was elsewhere in the register the year before, and out
            // when it is elsewhere in the register now.
            for index in unitIDs.indices {
                movedIn[index] = (everywhere[index] & ~inArea[index]) << 1
                movedOut[index] = everywhere[index]
            }
        }
        // Years count where the register has rows in the area.
        let covered = Set(years(in: area))
        let inRegister = (0..<span).map { allYears.contains(base + $0) && covered.contains(base + $0) }
        return filters.indices.map { filter in
            tally(span: span, base: base, inRegister: inRegister, units: unitIDs.indices.lazy.filter { inArea[$0] != 0 }.map { index in
                Timeline(id: unitIDs[index], everywhere: everywhere[index], inArea: inArea[index], matching: matching[index * filters.count + filter],
                         movedIn: movedIn[index], movedOut: movedOut[index], founded: earliestFounded[index] > 0 ? Int(earliestFounded[index]) : nil)
            })
        }
    }

    /// One unit's years as bit sets (bit i: year base + i).
    private struct Timeline {
        let id: Int64
        let everywhere: UInt64
        let inArea: UInt64
        let matching: UInt64
        /// Years in which it entered the area by a move, or left it by one.
        let movedIn: UInt64
        let movedOut: UInt64
        let founded: Int?
    }

    /// Each establishment's years anywhere in the register and in the area, by its dense number.
    private func establishmentTimelines(in area: Area, base: Int, span: Int) -> (numberOfRow: [Int32], years: [(everywhere: UInt64, inArea: UInt64)]) {
        let member = membership(of: area)
        let inPlace = postcodeTest(area) ?? { _ in true }
        let (numberOfRow, ids) = unitNumbering(.establishment)
        var years = [(everywhere: UInt64, inArea: UInt64)](repeating: (0, 0), count: ids.count)
        for row in 0..<count {
            let offset = Int(year[row]) - base
            guard offset >= 0, offset < span else { continue }
            let bit = UInt64(1) << UInt64(offset), index = Int(numberOfRow[row])
            years[index].everywhere |= bit
            if member[Int(municipality[row])] && inPlace(row) { years[index].inArea |= bit }
        }
        return (numberOfRow, years)
    }

    /// Counts the flows from each unit's bit sets (bit i: year base + i).
    private func tally(span: Int, base: Int, inRegister: [Bool], units: some Sequence<Timeline>) -> BusinessDemography {
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
                        } else if timeline.inArea & previous == 0, timeline.movedIn & bit != 0 {
                            arrivals[offset] += 1
                        }
                    }
                    if offset + 2 < span, timeline.everywhere & (bit << 1 | bit << 2) == 0 { closures[offset] += 1 }
                }
                if offset > 0, timeline.matching & previous != 0, timeline.inArea & bit == 0, timeline.movedOut & bit != 0 {
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
