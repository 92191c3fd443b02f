@testable import App
import Analysis
import Foundation
import Testing
import Vapor

/// `vliegwiel generate-register`: a valid, deterministic national register that looks like LISA's.
struct SyntheticRegisterTests {
    static func generate(seed: UInt64, establishments: Int = 5_000) throws -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try SyntheticRegister(establishments: establishments, years: 2015...2020, seed: seed)
            .generate(reference: try ReferenceData.shared.get()) { bytes += $0 }
        return bytes
    }

    @Test func theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws {
        let first = try Self.generate(seed: 3)
        #expect(first == (try Self.generate(seed: 3)))
        #expect(first != (try Self.generate(seed: 4)))
    }

    @Test func theFileIsAValidRegisterWithARealisticStructure() throws {
        let reference = try ReferenceData.shared.get()
        let records = try RegisterCSV.read(try Self.generate(seed: 1), file: "synthetic.csv", rules: reference.registerRules())
        // Every place is filled each year, apart from the year after a closure.
        #expect((25_000...30_000).contains(records.count), "\(records.count)")
        #expect(records.allSatisfy { $0.name.hasPrefix("Synthetisch bedrijf") })

        let panel = RegisterPanel(records: records)
        let municipalities = Set(records.map(\.municipality))
        #expect(municipalities.count > 300, "spread over the country: \(municipalities.count)")
        let lastYear = records.filter { $0.year == 2020 }
        let solo = lastYear.filter { $0.jobs == 1 }.count
        #expect(Double(solo) / Double(lastYear.count) > 0.35, "many one-person businesses")
        #expect(lastYear.map(\.jobs).max()! >= 500, "a long tail of large establishments")
        let enterprises = Dictionary(grouping: lastYear, by: \.kvkNumber)
        #expect(enterprises.values.contains { Set($0.map(\.municipality)).count > 1 }, "chains across municipalities")
        #expect(Set(records.map(\.establishmentNumber)).count > 5_000, "closures are replaced by new establishments")
        #expect(records.contains { $0.foundedYear == $0.year && $0.year > 2015 }, "births after the first year")

        let country = Area(municipalities: municipalities)
        let candidates = panel.growthUnits(in: country, endYear: 2020, unit: .enterprise).filter { ($0.jobsStart ?? 0) >= 10 && $0.born.map { $0 < 2017 } ?? false }
        let fast = panel.highGrowthUnits(in: country, endYear: 2020)
        let share = Double(fast.count) / Double(candidates.count)
        #expect((0.03...0.15).contains(share), "high-growth share of enterprises with 10+ jobs: \(share)")
    }

    @Test(arguments: [
        ["--establishments", "0", "--from", "2015", "--to", "2020"],
        ["--establishments", "10", "--from", "2020", "--to", "2015"],
        ["--establishments", "10", "--from", "1980", "--to", "2015"],
        ["--establishments", "10", "--from", "2015", "--to", "2020", "--seed", "abc"],
        ["--from", "2015", "--to", "2020"],
    ])
    func badArgumentsAreRefused(arguments: [String]) throws {
        var input = CommandInput(arguments: ["vliegwiel"] + arguments)
        let signature = try GenerateRegisterCommand.Signature(from: &input)
        #expect(throws: CLIError.self) { try GenerateRegisterCommand.generator(signature) }
    }
}
