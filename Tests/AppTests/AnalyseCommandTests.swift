@testable import App
import Analysis
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
        #expect(try AnalyseCommand.area("0193", reference: reference).0 == ["GM0193"])
        #expect(try AnalyseCommand.area("GM0193", reference: reference).1 == "GM0193")
        #expect(try AnalyseCommand.area("regio-zwolle", reference: reference).0.count == 22)
        let corop = try AnalyseCommand.area("CR10", reference: reference).0
        #expect(corop.contains("GM0193") && corop.contains("GM0148"))
        let province = try AnalyseCommand.area("PV23", reference: reference).0
        #expect(province.isSuperset(of: corop))
        #expect(throws: CLIError.self) { try AnalyseCommand.area("Zwolle", reference: reference) }
        #expect(throws: CLIError.self) { try AnalyseCommand.area("CR99", reference: reference) }
    }
}
