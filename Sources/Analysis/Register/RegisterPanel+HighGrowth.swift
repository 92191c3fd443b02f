/// High-growth enterprises in the register (see `HighGrowth` for the definitions).
extension RegisterPanel {
    public enum Unit: String, Sendable, CaseIterable {
        /// KvK number; its jobs are summed over its establishments in the area.
        case enterprise
        case establishment
    }

    /// Every firm seen in the area at t-3 or at t, with its jobs at both ends and its founding year
    /// (for an enterprise: that of its oldest establishment in the area).
    public func growthUnits(in area: Area, endYear t: Int, unit: Unit) -> [HighGrowth.Unit] {
        struct Ends { var start: Int?; var end: Int?; var born: Int16 = 0 }
        var firms: [Int64: Ends] = [:]
        let ids = unit == .enterprise ? enterprise : establishment
        for (year, isStart) in [(t - 3, true), (t, false)] {
            forEachRow(in: area, year: year) { row in
                let jobs = jobs(atRow: row)
                var ends = firms[ids[row], default: Ends()]
                if isStart { ends.start = (ends.start ?? 0) + jobs } else { ends.end = (ends.end ?? 0) + jobs }
                let born = founded[row]
                if born > 0, ends.born == 0 || born < ends.born { ends.born = born }
                firms[ids[row]] = ends
            }
        }
        let width = unit == .enterprise ? 8 : 12
        return firms.map { id, ends in
            HighGrowth.Unit(
                id: zeroPadded(id, width: width), born: ends.born > 0 ? Int(ends.born) : nil,
                jobsStart: ends.start, jobsEnd: ends.end)
        }
        .sorted { $0.id < $1.id }
    }

    /// The high-growth firms for the three-year window ending at t, by id.
    public func highGrowthUnits(in area: Area, endYear t: Int, unit: Unit = .enterprise, rule: HighGrowth.Rule = .oecd) -> [HighGrowth.Unit] {
        growthUnits(in: area, endYear: t, unit: unit).filter { HighGrowth.isHighGrowth($0, endYear: t, rule: rule) }
    }

    private func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
