@testable import Analysis
import Testing

/// The Dutch-Excel variant of every CSV download (issue 13).
struct ExcelCSVTests {
    @Test func semicolonsDecimalCommasAndAByteOrderMark() throws {
        let csv = "sectie,naam,groei_procent,banen\nK,Financiële instellingen,-16.7,1200\nJ,\"Informatie, communicatie\",14.5,240\nX,'=1+2,,0\n"
        let excel = try ExcelCSV.convert(csv)
        #expect(excel.hasPrefix("\u{FEFF}"))
        #expect(excel.dropFirst() == "sectie;naam;groei_procent;banen\r\nK;Financiële instellingen;-16,7;1200\r\nJ;Informatie, communicatie;14,5;240\r\nX;'=1+2;;0\r\n")
    }

    @Test(arguments: [("14.5", true), ("-0.25", true), ("1200", false), ("62.01", true), ("1.2.3", false), (".5", false), ("8011AB", false)])
    func onlyDecimalNumbersGetAComma(value: String, isDecimal: Bool) {
        #expect(ExcelCSV.isDecimal(value) == isDecimal)
    }
}
