import Analysis
import Testing

struct SBITests {
    @Test(arguments: [("4791", "47.91"), ("47911", "47.91.1"), ("62", "62"), ("620", "62.0"), ("47.91", "47.91"), ("J", "J")])
    func codesAreWrittenAsCBSWritesThem(digits: String, dotted: String) {
        #expect(SBI.dotted(digits) == dotted)
        #expect(SBI.digits(of: SBI.dotted(digits)) == SBI.digits(of: digits))
    }
}
