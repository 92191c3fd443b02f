/// Looking up one establishment or enterprise in the panel, e.g. the register history of an
/// organisation in the relations (CRM) or the firms behind a high-growth count.
extension RegisterPanel {
    /// The rows of the panel sorted by unit id and year, searched by bisection. Build it once
    /// and keep it next to the panel it was built from.
    public struct UnitIndex: Sendable {
        public let unit: Unit
        private let order: [Int32]
        private let ids: [Int64]

        public init(_ panel: RegisterPanel, unit: Unit) {
            self.unit = unit
            let column = unit == .enterprise ? panel.enterprise : panel.establishment
            let sorted = (0..<panel.count).sorted { (column[$0], panel.year[$0]) < (column[$1], panel.year[$1]) }
            order = sorted.map(Int32.init)
            ids = sorted.map { column[$0] }
        }

        /// The panel's rows of the unit, by year.
        public func rows(of id: Int64) -> ArraySlice<Int32> {
            var low = 0, high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if ids[middle] < id { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < ids.count, ids[end] == id { end += 1 }
            return order[low..<end]
        }
    }

    /// Jobs of a unit per year, summed over its establishments (in every municipality), from its
    /// rows in `index` (which must be built from this panel).
    public func jobsByYear(of id: Int64, in index: UnitIndex) -> [Int: Int] {
        var jobs: [Int: Int] = [:]
        for row in index.rows(of: id) { jobs[Int(year[Int(row)]), default: 0] += self.jobs(atRow: Int(row)) }
        return jobs
    }
}
