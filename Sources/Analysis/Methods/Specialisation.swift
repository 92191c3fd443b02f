/// Location quotients and specialisation indices of a region against a reference (the nation).
/// docs/methods.md section 1; oracle: REAT 3.0.3 `locq`, `hoover`, `krugman.spec`.
/// Sectors are given in the same order in both vectors (e.g. SBI sections A-U).
public enum Specialisation {
    /// LQ_i = (e_i / e) / (E_i / E). nil where it is undefined: no national jobs in the sector,
    /// or no jobs at all in the region or the nation. A region without jobs in a sector has LQ 0.
    public static func locationQuotients(region: [Double], nation: [Double]) -> [Double?] {
        let regionTotal = region.reduce(0, +), nationTotal = nation.reduce(0, +)
        return zip(region, nation).map { regional, national in
            guard national > 0, regionTotal > 0, nationTotal > 0 else { return nil }
            return (regional / regionTotal) / (national / nationTotal)
        }
    }

    /// REAT's additive LQ: the region's share of the national sector minus its share of national
    /// employment, e_i / E_i - e / E (not a difference of sector shares). nil where E_i = 0.
    public static func additiveLocationQuotients(region: [Double], nation: [Double]) -> [Double?] {
        let regionTotal = region.reduce(0, +), nationTotal = nation.reduce(0, +)
        return zip(region, nation).map { regional, national in
            guard national > 0, nationTotal > 0 else { return nil }
            return regional / national - regionTotal / nationTotal
        }
    }

    /// Hoover's coefficient of specialisation, 1/2 * sum |e_i/e - E_i/E|, in [0, 1).
    /// nil when the region or the nation has no jobs.
    public static func hoover(region: [Double], nation: [Double]) -> Double? {
        let regionTotal = region.reduce(0, +), nationTotal = nation.reduce(0, +)
        guard regionTotal > 0, nationTotal > 0 else { return nil }
        return 0.5 * zip(region, nation).map { abs($0 / regionTotal - $1 / nationTotal) }.reduce(0, +)
    }

    /// Krugman's specialisation index against the nation, sum |e_i/e - E_i/E| = 2 * Hoover, in [0, 2].
    public static func krugman(region: [Double], nation: [Double]) -> Double? {
        hoover(region: region, nation: nation).map { 2 * $0 }
    }
}
