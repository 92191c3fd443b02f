import Analysis
import Foundation

/// A synthetic register of establishments for all Dutch municipalities, for benchmarks and for
/// trying the monitor at national scale. Deterministic for a seed. Companies are fictional
/// ("Synthetisch bedrijf 123"); the structure is made to look like LISA's:
///
/// - `establishments` places, each filled every year: a place is spread over the municipalities
///   by their number of inhabitants, so about `establishments x years` rows come out;
/// - SBI sections in roughly the Dutch mix of establishments, a code picked at random within;
/// - sizes skewed as in reality: about half are one-person businesses, a long lognormal tail;
/// - closures (about 6% a year), each replaced by a newly founded establishment the next year;
/// - chains: about 3% of establishments belong to one of a few thousand multi-establishment
///   enterprises spread over the country;
/// - growth as a small random walk, plus now and then a spurt of 22-45% a year for 3-4 years, so
///   that high-growth enterprises come out at a plausible share of firms with 10+ jobs.
///
/// Rows are written sorted by establishment number and year, in the canonical Register CSV form.
struct SyntheticRegister {
    let establishments: Int
    let years: ClosedRange<Int>
    let seed: UInt64

    /// Per SBI section: share of establishments, median size of those with more than one job,
    /// share of one-person businesses and share of part-time jobs.
    private static let sections: [(section: String, share: Double, median: Double, solo: Double, partTime: Double)] = [
        ("A", 0.030, 4, 0.45, 0.25), ("B", 0.001, 20, 0.20, 0.10), ("C", 0.040, 12, 0.35, 0.12),
        ("D", 0.003, 15, 0.40, 0.10), ("E", 0.002, 20, 0.20, 0.10), ("F", 0.100, 4, 0.65, 0.10),
        ("G", 0.170, 5, 0.45, 0.45), ("H", 0.040, 6, 0.50, 0.20), ("I", 0.050, 8, 0.30, 0.60),
        ("J", 0.050, 5, 0.60, 0.20), ("K", 0.025, 6, 0.55, 0.20), ("L", 0.020, 3, 0.60, 0.25),
        ("M", 0.160, 3, 0.70, 0.25), ("N", 0.060, 6, 0.55, 0.35), ("O", 0.003, 80, 0.00, 0.30),
        ("P", 0.040, 20, 0.40, 0.45), ("Q", 0.090, 8, 0.45, 0.55), ("R", 0.040, 4, 0.60, 0.45),
        ("S", 0.060, 3, 0.65, 0.40), ("T", 0.001, 1, 0.90, 0.50), ("U", 0.0003, 10, 0.20, 0.20),
    ]
    private static let closureRate = 0.06
    private static let chainShare = 0.03
    /// The chance a year that an establishment starts a growth spurt of 3-4 years at 22-45% a year.
    private static let spurtChance = 0.03

    /// What was written.
    struct Summary {
        var rows = 0
        var establishments = 0
        var bytes = 0
    }

    /// Writes the register as CSV to `write`, in blocks of about a megabyte.
    func generate(reference: ReferenceData, write: ([UInt8]) throws -> Void) throws -> Summary {
        var random = SeededRandom(seed: seed)
        let places = Self.cumulative(reference.municipalities.map { Double($0.inhabitants2024) })
        let municipalities = reference.municipalities.map { Array($0.code.utf8) }
        let leaves = Self.leafCodes(reference)
        let sectionShares = Self.cumulative(Self.sections.map(\.share))
        let chainCount = max(1, establishments / 1_000)

        var output = Array((RegisterCSV.columns.joined(separator: ",") + "\n").utf8)
        output.reserveCapacity(1 << 21)
        var summary = Summary()
        var nextEstablishment = 1, nextEnterprise = chainCount + 1
        for _ in 0..<establishments {
            var year = years.lowerBound
            var founded = max(1900, year - Int(-log(max(random.unit(), 1e-12)) * 12))
            while year <= years.upperBound {
                // One establishment, from `year` until it closes or the period ends.
                let kind = Self.sections[Self.index(in: sectionShares, random.unit())]
                let codes = leaves[kind.section] ?? []
                let sbi = codes.isEmpty ? Array(kind.section.utf8) : random.pick(codes)
                let municipality = municipalities[Self.index(in: places, random.unit())]
                let enterprise = random.chance(Self.chainShare) ? 1 + random.below(chainCount) : Self.take(&nextEnterprise)
                let number = Self.take(&nextEstablishment)
                var jobs = random.chance(kind.solo) ? 1.0 : max(2, (kind.median * exp(1.1 * random.normal())).rounded())
                jobs = min(jobs, 20_000)
                var spurt = 0
                summary.establishments += 1
                while year <= years.upperBound {
                    let total = Int(jobs)
                    let partTime = min(total, Int((Double(total) * kind.partTime * random.uniform(0.6...1.4)).rounded()))
                    Self.appendRow(
                        to: &output, establishment: number, enterprise: enterprise, sbi: sbi, municipality: municipality,
                        year: year, fullTime: total - partTime, partTime: partTime, founded: founded)
                    summary.rows += 1
                    if output.count >= 1 << 20 {
                        try write(output)
                        summary.bytes += output.count
                        output.removeAll(keepingCapacity: true)
                    }
                    year += 1
                    if random.chance(Self.closureRate) { break }
                    if spurt == 0, random.chance(Self.spurtChance) { spurt = 3 + random.below(2) }
                    let growth = spurt > 0 ? random.uniform(0.22...0.45) : 0.01 + 0.12 * random.normal()
                    spurt = max(0, spurt - 1)
                    jobs = min(20_000, max(1, (jobs * (1 + max(growth, -0.9))).rounded()))
                }
                // A new establishment takes the place the year after a closure.
                year += 1
                founded = year
            }
        }
        try write(output)
        summary.bytes += output.count
        return summary
    }

    private static func take(_ counter: inout Int) -> Int {
        defer { counter += 1 }
        return counter
    }

    /// Running totals, for picking an index with probability proportional to its weight.
    private static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var sum = 0.0
        return weights.map { sum += $0 / total; return sum }
    }

    /// The first index whose running total exceeds `u` (binary search).
    private static func index(in cumulative: [Double], _ u: Double) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The most detailed SBI codes (classes and subclasses) per section, as UTF-8.
    private static func leafCodes(_ reference: ReferenceData) -> [String: [[UInt8]]] {
        Dictionary(grouping: reference.leafCodes, by: \.section)
            .mapValues { $0.map { Array($0.code.utf8) } }
    }

    private static func appendRow(
        to output: inout [UInt8], establishment: Int, enterprise: Int, sbi: [UInt8], municipality: [UInt8],
        year: Int, fullTime: Int, partTime: Int, founded: Int
    ) {
        appendDigits(establishment, width: 12, to: &output)
        output.append(.comma)
        appendDigits(enterprise, width: 8, to: &output)
        output.append(contentsOf: ",Synthetisch bedrijf ".utf8)
        appendDigits(establishment, width: 0, to: &output)
        output.append(.comma)
        output.append(contentsOf: sbi)
        output.append(contentsOf: ",,".utf8)
        output.append(contentsOf: municipality)
        output.append(.comma)
        appendDigits(year, width: 0, to: &output)
        output.append(.comma)
        appendDigits(fullTime, width: 0, to: &output)
        output.append(.comma)
        appendDigits(partTime, width: 0, to: &output)
        output.append(.comma)
        appendDigits(founded, width: 0, to: &output)
        output.append(UInt8(ascii: "\n"))
    }

    /// The decimal digits of a non-negative number, zero-padded to `width`.
    private static func appendDigits(_ value: Int, width: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
            = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0, rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }
}

private extension UInt8 {
    static let comma = UInt8(ascii: ",")
}
