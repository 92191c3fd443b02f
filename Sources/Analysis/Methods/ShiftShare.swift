/// Shift-share decomposition of a region's employment change (Dunn 1960), with the
/// Esteban-Marquillas (1972) split of the regional shift and Gerfin's (1964) index variant.
/// docs/methods.md section 2; oracle: REAT 3.0.3 `shift`.
public struct ShiftShare: Sendable, Equatable {
    /// One sector's (or the region's) change split into three parts that add up to it.
    public struct Components: Sendable, Equatable {
        /// e_i0 * G: the change had the sector grown like the whole national economy.
        public let nationalShare: Double
        /// e_i0 * (g_i - G): what the sector's national growth adds to that.
        public let industryMix: Double
        /// e_i1 - e_i0 * (1 + g_i): the region's own performance. This form stays defined when the
        /// sector is new to the region (e_i0 = 0), where e_i0 * (r_i - g_i) is not.
        public let regionalShift: Double

        public var change: Double { nationalShare + industryMix + regionalShift }
        /// Industry mix plus regional shift: e_1 - e_0 * (1 + G).
        public var netTotalShift: Double { industryMix + regionalShift }
    }

    /// The split of the regional shift into a competitive effect on homothetic employment
    /// h_i = e_0 * E_i0 / E_0 and an allocation effect (e_i0 - h_i)(r_i - g_i).
    public struct EstebanMarquillas: Sendable, Equatable {
        public let competitive: Double
        public let allocation: Double
    }

    /// Gerfin's multiplicative variant: total factor = industry-mix factor * regional factor.
    public struct Gerfin: Sendable, Equatable {
        public let industryMixFactor: Double
        public let regionalFactor: Double
        public var totalFactor: Double { industryMixFactor * regionalFactor }
    }

    /// Per sector, in input order; nil for a sector without national jobs at the start, whose
    /// national growth is undefined (such sectors are left out of the totals).
    public let bySector: [Components?]
    public let total: Components
    /// nil when a sector that counts has no regional jobs at the start: its growth r_i is undefined.
    public let estebanMarquillas: EstebanMarquillas?
    /// nil when the region has no jobs at the start.
    public let gerfin: Gerfin?

    public init(regionStart: [Double], regionEnd: [Double], nationStart: [Double], nationEnd: [Double]) {
        let nationGrowth = nationEnd.reduce(0, +) / nationStart.reduce(0, +) - 1
        let sectors = regionStart.indices
        let sectorGrowth: [Double?] = sectors.map { nationStart[$0] > 0 ? nationEnd[$0] / nationStart[$0] - 1 : nil }
        bySector = sectors.map { i in
            sectorGrowth[i].map { g in
                Components(nationalShare: regionStart[i] * nationGrowth,
                           industryMix: regionStart[i] * (g - nationGrowth),
                           regionalShift: regionEnd[i] - regionStart[i] * (1 + g))
            }
        }
        let counted = bySector.compactMap { $0 }
        total = Components(nationalShare: counted.map(\.nationalShare).reduce(0, +),
                           industryMix: counted.map(\.industryMix).reduce(0, +),
                           regionalShift: counted.map(\.regionalShift).reduce(0, +))

        let countedSectors = sectors.filter { sectorGrowth[$0] != nil }
        let regionTotal = countedSectors.map { regionStart[$0] }.reduce(0, +)
        let nationTotal = countedSectors.map { nationStart[$0] }.reduce(0, +)
        if countedSectors.allSatisfy({ regionStart[$0] > 0 }), nationTotal > 0 {
            var competitive = 0.0, allocation = 0.0
            for i in countedSectors {
                let homothetic = regionTotal * nationStart[i] / nationTotal
                let differential = regionEnd[i] / regionStart[i] - 1 - sectorGrowth[i]!
                competitive += homothetic * differential
                allocation += (regionStart[i] - homothetic) * differential
            }
            estebanMarquillas = EstebanMarquillas(competitive: competitive, allocation: allocation)
        } else {
            estebanMarquillas = nil
        }

        if regionTotal > 0 {
            let expected = countedSectors.map { regionStart[$0] * (1 + sectorGrowth[$0]!) }.reduce(0, +) / regionTotal
            let actual = countedSectors.map { regionEnd[$0] }.reduce(0, +) / regionTotal
            gerfin = Gerfin(industryMixFactor: expected / (1 + nationGrowth), regionalFactor: actual / expected)
        } else {
            gerfin = nil
        }
    }
}
