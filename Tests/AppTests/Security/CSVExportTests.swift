@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 6: no CSV export writes a cell a spreadsheet would run as a formula.
struct CSVExportTests {
    typealias Web = OrganisationTests

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("-56", "-56"), ("=1", "'=1"), ("@1", "'@1"), ("=\u{200D}1", "'=\u{200D}1"),
        ("-\u{200D}1", "'-\u{200D}1"), ("-1-1", "'-1-1"), ("+1,5", "\"+1,5\""), ("Bakker & Zn", "Bakker & Zn"), ("a,b", "\"a,b\""),
    ])
    func aFormulaCellIsNeutralisedAndANumberIsNot(value: String, cell: String) {
        #expect(CSVCell.text(value) == cell)
    }

    static let formula = "=1+2"

    @Test func everyExportNeutralisesFormulas() async throws {
        try await withTestApp { app in
            let register = SectorsPageTests.register.replacingOccurrences(of: "Software Een", with: Self.formula)
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(register))
            let admin = try await app.session(as: .admin)
            _ = try await Web.post("/relaties", ["kind": "company", "name": Self.formula, "notes": "@cmd", "tags": "-x"], as: admin, in: app)
            _ = try await Web.post("/relaties/personen", ["name": Self.formula, "notes": "+cmd"], as: admin, in: app)
            let exports = [
                "/relaties?formaat=csv", "/relaties/personen?formaat=csv",
                "/economie/vestigingen?gebied=GM0193&jaar=2020&formaat=csv", "/economie/vestigingen?gebied=GM0193&jaar=2020&eenheid=enterprise&formaat=csv",
            ]
            // The same downloads for Dutch Excel (semicolons) are neutralised the same way.
            for url in exports + exports.map({ $0.replacingOccurrences(of: "formaat=csv", with: "formaat=excel") }) {
                let response = try await Web.get(url, as: admin, in: app)
                #expect(response.status == .ok, "\(url)")
                let separator: Character = url.hasSuffix("excel") ? ";" : ","
                let cells = response.body.string.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: separator) }
                    .map { String($0).replacingOccurrences(of: "\u{FEFF}", with: "") }
                #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("@") || $0.hasPrefix("+c") || $0.hasPrefix("-x") }, "\(url): \(response.body.string.prefix(400))")
                #expect(cells.contains { $0.hasPrefix("'=") || $0.hasPrefix("\"'=") }, "\(url) has the neutralised name")
            }
        }
    }
}
