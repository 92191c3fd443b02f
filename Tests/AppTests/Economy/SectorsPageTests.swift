@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// Economie > Sectoren and the establishments behind its figures (issue 4).
struct SectorsPageTests {
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Software Een,62.01,8011AB,GM0193,2010,100,20,2000",
        "000000000001,00000001,Software Een,62.01,8011AB,GM0193,2020,180,20,2000",
        "000000000002,00000002,Zorg Twee,86.10,8012AB,GM0193,2010,300,0,1990",
        "000000000002,00000002,Zorg Twee,86.10,8012AB,GM0193,2020,250,0,1990",
        "000000000003,00000003,Uitgever Drie,58.11,8012AB,GM0193,2020,40,0,2015",
        "000000000004,00000004,Elders,62.01,8261AB,GM0166,2020,999,0,2000",
    ].joined(separator: "\n")

    func withRegister(_ body: (Application, TestSession) async throws -> Void) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            try await body(app, try await app.session(as: .viewer))
        }
    }

    @Test func theFiguresAreThoseOfTheAnalysisLibrary() async throws {
        try await withRegister { app, session in
            let panel = try await RegisterStore(app.db).panel(municipalities: ["GM0193"], years: [2010, 2020])
            let expected = panel.counts(in: .municipality("GM0193"), year: 2020, by: .section)
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM0193&van=2010&tot=2020", headers: session.headers) { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.components(separatedBy: "<h1").count == 2)
                #expect(body.contains("Sectoren in Zwolle, 2010-2020"))
                #expect(expected["J"]?.jobs == 240 && expected["Q"]?.jobs == 250)
                #expect(body.contains("Banen: 420 → 490"))
                #expect(body.contains(#"role="img""#) && body.contains("<desc id=\"banen-desc\">"), "charts have a text alternative")
                #expect(body.contains(#"<label for="gebied">"#) && body.contains(#"<label for="van">"#), "labelled controls")
                // J: 120 -> 240 jobs (+120, +100%); Q: 300 -> 250 (-50, -16,7%).
                #expect(body.contains("J Informatie en communicatie: +120"))
                #expect(body.contains("-16,7%") && body.contains("+100,0%"))
            }
        }
    }

    @Test func theCSVDownloadHasTheSameFiguresAsThePage() async throws {
        try await withRegister { app, session in
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM0193&van=2010&tot=2020&formaat=csv", headers: session.headers) { response in
                #expect(response.headers.contentType?.description.hasPrefix("text/csv") == true)
                let rows = try CSVRowsTable(response.body.string)
                #expect(rows.count == 21, "every section")
                #expect(rows["J"] == ["120", "240", "120", "100.0", "1", "2"])
                #expect(rows["Q"] == ["300", "250", "-50", "-16.7", "1", "1"])
                #expect(rows["A"] == ["0", "0", "0", "", "0", "0"])
            }
        }
    }

    @Test func aSectionDrillsDownToItsDivisionsAndEveryNumberToItsEstablishments() async throws {
        try await withRegister { app, session in
            try await app.testing().test(.GET, "/economie/sectoren?gebied=GM0193&van=2010&tot=2020&sectie=J", headers: session.headers) { response in
                let body = response.body.string
                #expect(body.contains("Sector J: Informatie en communicatie in Zwolle"))
                #expect(body.contains(">58<") && body.contains(">62<"), "divisions 58 and 62")
                #expect(body.contains("/economie/vestigingen?gebied=GM0193&amp;jaar=2020&amp;sbi=62"))
            }
            try await app.testing().test(.GET, "/economie/vestigingen?gebied=GM0193&jaar=2020&sbi=J&sorteer=naam", headers: session.headers) { response in
                let body = response.body.string
                #expect(response.status == .ok)
                #expect(body.contains("2 vestigingen met samen 240 banen"))
                let software = body.range(of: "Software Een")!, publisher = body.range(of: "Uitgever Drie")!
                #expect(software.lowerBound < publisher.lowerBound, "sorted by name")
                #expect(!body.contains("Elders"), "only the area")
            }
            try await app.testing().test(.GET, "/economie/vestigingen?gebied=GM0193&jaar=2020&sbi=J&formaat=csv", headers: session.headers) { response in
                #expect(response.body.string.split(separator: "\n").count == 3)
            }
        }
    }

    @Test(arguments: [
        ("/economie/sectoren?gebied=Atlantis", "geen gemeente"),
        ("/economie/sectoren?gebied=GM0193&van=2020&tot=2010", "De periode 2020-2010 kan niet"),
        ("/economie/sectoren?gebied=GM0193&van=2000&tot=2020", "De periode 2000-2020 kan niet"),
        ("/economie/sectoren?gebied=GM0193&van=2010&tot=2020&sectie=Z", "geen SBI-sectie"),
        ("/economie/vestigingen?gebied=GM0193&jaar=2020&sbi=6x", "geen SBI-sectie"),
        ("/economie/vestigingen?gebied=GM0193&sbi=J", "Geef een jaar"),
    ])
    func aBadSelectionGetsAClearMessage(path: String, message: String) async throws {
        try await withRegister { app, session in
            try await app.testing().test(.GET, path, headers: session.headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains(message), "\(response.body.string.prefix(2000))")
            }
        }
    }

    @Test func aNewImportRefreshesTheCachedFigures() async throws {
        try await withRegister { app, session in
            let path = "/economie/sectoren?gebied=GM0193&van=2010&tot=2020"
            try await app.testing().test(.GET, path, headers: session.headers) { #expect($0.body.string.contains("Banen: 420 → 490")) }
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(
                ImportTests.header + "\n000000000009,00000009,Nieuw,62.01,8011AB,GM0193,2020,10,0,2019\n"))
            try await app.testing().test(.GET, path, headers: session.headers) { #expect($0.body.string.contains("Banen: 420 → 500")) }
        }
    }
}

/// A CSV download as rows keyed by their first column (the header dropped, the label column too).
private func CSVRowsTable(_ text: String) throws -> [String: [String]] {
    var reader = CSVReader(bytes: Array(text.utf8))
    var fields: [CSVReader.Field] = []
    var rows: [String: [String]] = [:]
    _ = try reader.nextRecord(into: &fields)
    while try reader.nextRecord(into: &fields) {
        let values = fields.map(reader.string)
        rows[values[0]] = Array(values.dropFirst(2))
    }
    return rows
}

/// Every table download also comes for Dutch Excel (issue 13).
struct ExcelDownloadTests {
    @Test func theSectorsTableOpensInDutchExcel() async throws {
        try await SectorsPageTests().withRegister { app, session in
            let page = try await DrillDownTests.page("/economie/sectoren?gebied=GM0193&van=2010&tot=2020", in: app, session: session)
            let excel = try #require(DrillDownTests.links(in: page).first { $0.contains("formaat=excel") })
            try await app.testing().test(.GET, excel, headers: session.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: "Content-Disposition")?.contains("-excel.csv") == true)
                let body = response.body.string
                #expect(body.hasPrefix("\u{FEFF}") && body.contains(";"))
                // Q: 300 -> 250 jobs is -16.7%, written with a decimal comma.
                #expect(body.contains(";-16,7;"), "\(body.prefix(400))")
            }
        }
    }
}
