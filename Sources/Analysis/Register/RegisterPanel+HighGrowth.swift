/// High-growth enterprises in the register (see `HighGrowth` for the definitions).
extension RegisterPanel {
    public enum Unit: String, Sendable, CaseIterable {
        /// KvK number; its jobs are summed over its establishments in the area.
        case enterprise
        case establishment
    }

    /// Every firm seen in the area at t-3 or at t, with its jobs at both ends and its founding year
    /// (for an enterprise: that of its oldest establishment in the area), by id.
    public func growthUnits(in area: Area, endYear t: Int, unit: Unit) -> [HighGrowth.Unit] {
        units(in: area, endYear: t, unit: unit, where: { _ in true })
    }

    /// The high-growth firms for the three-year window ending at t, by id.
    public func highGrowthUnits(in area: Area, endYear t: Int, unit: Unit = .enterprise, rule: HighGrowth.Rule = .oecd) -> [HighGrowth.Unit] {
        units(in: area, endYear: t, unit: unit, where: { HighGrowth.isHighGrowth($0, endYear: t, rule: rule) })
    }

    /// The units that pass `filter`, sorted by id. The test runs on a unit with an empty id, so
    /// that only the units kept get their id written out (most firms are not high-growth).
    private func units(in area: Area, endYear t: Int, unit: Unit, where filter: (HighGrowth.Unit) -> Bool) -> [HighGrowth.Unit] {
        struct Ends { var start: Int?; var end: Int?; var born: Int16 = 0 }
        var firms: [Int64: Ends] = [:]
        firms.reserveCapacity(establishments(in: area, year: t - 3) + establishments(in: area, year: t))
        let ids = unit == .enterprise ? enterprise : establishment
        for (year, isStart) in [(t - 3, true), (t, false)] {
            forEachRow(in: area, year: year) { row in
                let jobs = jobs(atRow: row)
                let born = founded[row]
                update(&firms[ids[row], default: Ends()]) { ends in
                    if isStart { ends.start = (ends.start ?? 0) + jobs } else { ends.end = (ends.end ?? 0) + jobs }
                    if born > 0, ends.born == 0 || born < ends.born { ends.born = born }
                }
            }
        }
        let width = unit == .enterprise ? 8 : 12
        return firms.compactMap { id, ends -> (Int64, HighGrowth.Unit)? in
            var unit = HighGrowth.Unit(id: "", born: ends.born > 0 ? Int(ends.born) : nil, jobsStart: ends.start, jobsEnd: ends.end)
            guard filter(unit) else { return nil }
            unit.id = zeroPadded(id, width: width)
            return (id, unit)
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }

    /// Changes a dictionary entry in place (one hash lookup instead of a read and a write).
    private func update<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

    func zeroPadded(_ value: Int64, width: Int) -> String {
        Self.zeroPadded(value, width: width)
    }

    public static func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A KvK number as the register writes it (eight digits) from the panel's enterprise id.
    public static func kvkNumber(_ enterprise: Int64) -> String {
        zeroPadded(enterprise, width: 8)
    }
}
