/// The basic monitor figures: jobs, establishments, sector structure and enterprise size.
extension RegisterPanel {
    /// Calls `body` with the row index of every record in the area and year.
    @inline(__always)
    func forEachRow(in area: Area, year wanted: Int, _ body: (Int) -> Void) {
        if let inPlace = postcodeTest(area) {
            forEachRow(inMunicipalitiesOf: area, year: wanted) { row in if inPlace(row) { body(row) } }
        } else {
            forEachRow(inMunicipalitiesOf: area, year: wanted, body)
        }
    }

    @inline(__always)
    private func forEachRow(inMunicipalitiesOf area: Area, year wanted: Int, _ body: (Int) -> Void) {
        let wantedYear = Int16(clamping: wanted)
        if !municipalityOffsets.isEmpty {
            for code in area.municipalities {
                guard let m = municipalityNumber(code).map(Int.init) else { continue }
                for row in municipalityOffsets[m]..<municipalityOffsets[m + 1] where year[row] == wantedYear { body(row) }
            }
            return
        }
        let member = membership(of: area)
        for row in 0..<count where year[row] == wantedYear && member[Int(municipality[row])] {
            body(row)
        }
    }

    func jobs(atRow row: Int) -> Int { Int(jobsFullTime[row]) + Int(jobsPartTime[row]) }

    /// All jobs (full-time plus part-time) in the area in a year.
    public func jobs(in area: Area, year: Int) -> Int {
        var total = 0
        forEachRow(in: area, year: year) { total += jobs(atRow: $0) }
        return total
    }

    /// Jobs in establishments whose SBI code falls under one of the prefixes (e.g. a cluster).
    public func jobs(in area: Area, year: Int, sbiPrefixes: [String]) -> Int {
        let matches = sbiCodes.map { code in sbiPrefixes.contains { SBI.code(code, isUnder: $0) } }
        var total = 0
        forEachRow(in: area, year: year) { row in
            if matches[Int(sbi[row])] { total += jobs(atRow: row) }
        }
        return total
    }

    /// Jobs and establishments of one SBI group (a section, or codes sharing their first digits).
    public struct Counts: Sendable, Equatable {
        public var jobs = 0
        public var establishments = 0
    }

    /// How codes are grouped: by section letter, or by their first `n` digits (2 divisions,
    /// 3 groups, 4 classes, 5 subclasses).
    public enum SBILevel: Sendable, Hashable {
        case section
        case digits(Int)
    }

    /// Jobs and establishments per SBI group in the area and year; only groups with records appear.
    public func counts(in area: Area, year: Int, by level: SBILevel) -> [String: Counts] {
        let keys: [String] = sbiCodes.indices.map { index in
            switch level {
            case .section: sectionOfSBI[index] >= 0 ? SBI.sections[Int(sectionOfSBI[index])] : "?"
            case .digits(let digits): String(SBI.digits(of: sbiCodes[index]).prefix(digits))
            }
        }
        var byCode = [Counts](repeating: Counts(), count: sbiCodes.count)
        forEachRow(in: area, year: year) { row in
            byCode[Int(sbi[row])].jobs += jobs(atRow: row)
            byCode[Int(sbi[row])].establishments += 1
        }
        var byKey: [String: Counts] = [:]
        for (index, counts) in byCode.enumerated() where counts.establishments > 0 {
            byKey[keys[index], default: Counts()].jobs += counts.jobs
            byKey[keys[index], default: Counts()].establishments += counts.establishments
        }
        return byKey
    }

    /// Jobs per SBI code cut to its first `digits` digits (see `counts`).
    public func jobsByCode(in area: Area, year: Int, digits: Int) -> [String: Int] {
        counts(in: area, year: year, by: .digits(digits)).filter { $0.value.jobs > 0 }.mapValues(\.jobs)
    }

    /// Establishments with a record in the area in a year.
    public func establishments(in area: Area, year: Int) -> Int {
        var total = 0
        forEachRow(in: area, year: year) { _ in total += 1 }
        return total
    }

    /// Jobs per SBI section A-U; every section is present, with 0 where there are none.
    public func jobsBySection(in area: Area, year: Int) -> [String: Int] {
        var totals = [Int](repeating: 0, count: SBI.sections.count)
        forEachRow(in: area, year: year) { row in
            let section = Int(sectionOfSBI[Int(sbi[row])])
            if section >= 0 { totals[section] += jobs(atRow: row) }
        }
        return Dictionary(uniqueKeysWithValues: zip(SBI.sections, totals))
    }

    /// Jobs of each enterprise (KvK number), summed over its establishments in the area.
    public func jobsByEnterprise(in area: Area, year: Int) -> [Int64: Int] {
        jobsPerUnit(.enterprise, in: area, year: year)
    }

    /// The `count` units with the most jobs in the area and year, largest first (ties by id):
    /// KvK numbers for enterprises, establishment numbers otherwise.
    public func largestUnits(_ unit: Unit, in area: Area, year: Int, count: Int) -> [(id: String, jobs: Int)] {
        jobsPerUnit(unit, in: area, year: year).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count)
            .map { (zeroPadded($0.key, width: unit == .enterprise ? 8 : 12), $0.value) }
    }

    /// Jobs of each unit: per establishment, or per enterprise summed over its establishments.
    public func jobsPerUnit(_ unit: Unit, in area: Area, year: Int) -> [Int64: Int] {
        let ids = unit == .enterprise ? enterprise : establishment
        var totals: [Int64: Int] = [:]
        forEachRow(in: area, year: year) { row in totals[ids[row], default: 0] += jobs(atRow: row) }
        return totals
    }

    /// The share (0...1) of the area's jobs that are in enterprises with at least `size` jobs in it.
    public func shareOfJobsInEnterprises(withAtLeast size: Int, in area: Area, year: Int) -> Double {
        let byEnterprise = jobsByEnterprise(in: area, year: year)
        let total = byEnterprise.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let large = byEnterprise.values.filter { $0 >= size }.reduce(0, +)
        return Double(large) / Double(total)
    }
}
