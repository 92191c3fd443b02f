@testable import App
import Foundation
import Analysis
import Vapor
import Testing

struct AnalyseCommandTests {
    @Test(arguments: [("0.20", 2000), ("0.1", 1000), ("0.2", 2000), ("0.125", 1250)])
    func thresholdsAreReadExactly(text: String, basisPoints: Int) throws {
        #expect(try AnalyseCommand.rule(threshold: text, minimumSize: nil).thresholdBasisPoints == basisPoints)
    }

    @Test(arguments: ["abc", "-0.1", "0"])
    func badThresholdsAreRefused(text: String) {
        #expect(throws: CLIError.self) { try AnalyseCommand.rule(threshold: text, minimumSize: 10) }
    }

    @Test func areasResolveToTheirMunicipalities() throws {
        let reference = try ReferenceData.load()
        #expect(try AnalyseCommand.area("0193", region: .zwolle, reference: reference).0 == ["GM0193"])
        #expect(try AnalyseCommand.area("GM0193", region: .zwolle, reference: reference).1 == "GM0193")
        #expect(try AnalyseCommand.area("regio-zwolle", region: .zwolle, reference: reference).0.count == 22)
        let corop = try AnalyseCommand.area("CR10", region: .zwolle, reference: reference).0
        #expect(corop.contains("GM0193") && corop.contains("GM0148"))
        let province = try AnalyseCommand.area("PV23", region: .zwolle, reference: reference).0
        #expect(province.isSuperset(of: corop))
        #expect(throws: CLIError.self) { try AnalyseCommand.area("Zwolle", region: .zwolle, reference: reference) }
        #expect(throws: CLIError.self) { try AnalyseCommand.area("CR99", region: .zwolle, reference: reference) }
    }
}

/// `vliegwiel analyse` end to end, on files as a user would pass them.
struct AnalyseCommandOutputTests {
    static let register = """
        vestigingsnummer,kvk_nummer,naam,sbi,postcode,gemeente,jaar,banen_voltijd,banen_deeltijd,oprichtingsjaar
        000000000001,00000001,Snelle Groeier BV,62.01,8011AB,GM0193,2015,10,0,2005
        000000000001,00000001,Snelle Groeier BV,62.01,8011AB,GM0193,2018,18,0,2005
        000000000002,00000002,Rustig BV,86.10,8011AB,GM0193,2015,12,0,2000
        000000000002,00000002,Rustig BV,86.10,8011AB,GM0193,2018,12,0,2000
        000000000003,00000003,Kampen BV,47.91.1,8261AB,GM0166,2015,5,5,2010
        000000000003,00000003,Kampen BV,47.91.1,8261AB,GM0166,2018,20,0,2010

        """

    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("analyse-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func analyse(_ arguments: [String], register text: String = register) async throws -> (json: [String: Any], timings: String) {
        let path = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var input = CommandInput(arguments: ["vliegwiel", "--register", path] + arguments)
        let (output, timings) = try await AnalyseCommand.analyse(try AnalyseCommand.Signature(from: &input), region: .zwolle)
        return (try JSONSerialization.jsonObject(with: output) as! [String: Any], timings)
    }

    @Test func oneMunicipalityFollowsTheContract() async throws {
        let (json, timings) = try await Self.analyse(["--area", "0193", "--from", "2015", "--to", "2018"])
        #expect(json["area"] as? String == "GM0193")
        #expect((json["jobs"] as? [String: Int]) == ["from": 22, "to": 30])
        #expect((json["establishments"] as? [String: Int]) == ["from": 2, "to": 2])
        // 10 -> 18 jobs is 1.8 > 1.728: high-growth; 12 -> 12 is not.
        #expect((json["high_growth"] as? [String: Any])?["ids"] as? [String] == ["00000001"])
        #expect(((json["jobs_by_section"] as? [String: Any])?["to"] as? [String: Int])?["J"] == 18)
        #expect(timings.isEmpty)
    }

    @Test func allGivesOneObjectPerMunicipality() async throws {
        let (json, _) = try await Self.analyse(["--area", "all", "--from", "2015", "--to", "2018", "--unit", "establishment"])
        #expect(Set(json.keys) == ["GM0166", "GM0193"])
        let kampen = try #require(json["GM0166"] as? [String: Any])
        #expect((kampen["jobs"] as? [String: Int]) == ["from": 10, "to": 20])
        // 10 jobs at the start (full-time plus part-time) doubling: high-growth, as an establishment.
        #expect((kampen["high_growth"] as? [String: Any])?["ids"] as? [String] == ["000000000003"])
    }

    @Test func nationalTotalsAndPopulationAddLocationQuotientsShiftShareAndJobsPerInhabitant() async throws {
        let national = try Self.temporaryFile("jaar,sbi_sectie,banen\n2015,J,1000\n2015,Q,3000\n2018,J,1100\n2018,Q,3000\n")
        let population = try Self.temporaryFile("gemeente,jaar,inwoners\nGM0193,2018,60000\n")
        defer { [national, population].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let (json, _) = try await Self.analyse(["--area", "GM0193", "--from", "2015", "--to", "2018", "--national", national, "--population", population])
        // Zwolle 2018: J 18 of 30 jobs against 1,100 of 4,100 nationally.
        let lq = try #require(((json["lq_by_section"] as? [String: Any])?["to"] as? [String: Any])?["J"] as? Double)
        #expect(abs(lq - (18.0 / 30) / (1100.0 / 4100)) < 1e-9)
        let shift = try #require(json["shift_share"] as? [String: Any])
        let parts = ["national_share", "industry_mix", "regional_shift"].compactMap { shift[$0] as? Double }
        #expect(parts.count == 3 && abs(parts.reduce(0, +) - 8) < 1e-9, "the components add up to the change of 8 jobs")
        #expect(json["jobs_per_1000_inhabitants"] as? Double == 0.5)
    }

    @Test func timingsAreReportedWhenAskedFor() async throws {
        let (_, timings) = try await Self.analyse(["--area", "GM0193", "--from", "2015", "--to", "2018", "--timings"])
        #expect(timings.contains("all figures of GM0193 from the panel in memory"))
    }

    @Test func aBadRowIsReportedWithItsLineAndNothingIsPrinted() async throws {
        let bad = Self.register.replacingOccurrences(of: "GM0166,2018,20", with: "GM0166,2018,twintig")
        do {
            _ = try await Self.analyse(["--area", "all", "--from", "2015", "--to", "2018"], register: bad)
            Issue.record("a bad register was accepted")
        } catch let error as CLIError {
            let message = "\(error)"
            #expect(message.contains("line 7") && message.contains("banen_voltijd") && message.contains("twintig"), "\(message)")
            #expect(message.contains("nothing was analysed"))
        }
    }

    @Test func aYearTheRegisterDoesNotCoverIsRefused() async throws {
        do {
            _ = try await Self.analyse(["--area", "GM0193", "--from", "2015", "--to", "2019"])
            Issue.record("analysed a year without data")
        } catch let error as CLIError {
            #expect("\(error)".contains("has no rows for 2016 and 2019"), "\(error)")
        }
    }

    @Test func aMissingFileIsNamed() async throws {
        var input = CommandInput(arguments: ["vliegwiel", "--register", "/nonexistent/r.csv", "--area", "all", "--from", "2015", "--to", "2018"])
        await #expect(throws: CLIError.self) { try await AnalyseCommand.analyse(try AnalyseCommand.Signature(from: &input), region: .zwolle) }
    }
}
