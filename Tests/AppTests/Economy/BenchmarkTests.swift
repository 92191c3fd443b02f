@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// `vliegwiel import municipal-figures`, Economie > Vergelijking and `/api/v1/benchmarks` (issue 20).
struct BenchmarkTests {
    static let figures = """
        gemeente,jaar,banen,vestigingen,inwoners
        GM0193,2022,100000,12000,130000
        GM0772,2022,200000,20000,240000
        GM0344,2022,250000,30000,370000
        GM0363,2022,600000,70000,900000
        GM0394,2022,150000,15000,160000
        GM0193,2021,98000,11800,129000
        GM0772,2021,190000,19500,238000
        GM0344,2021,245000,29000,365000
        GM0363,2021,590000,69000,890000
        GM0394,2021,149000,14900,158000

        """

    /// The ranking computed here from the file, independently of the app.
    static func expectedRanking(year: String) -> [(code: String, value: Double)] {
        figures.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }.filter { $0[1] == year }
            .map { ($0[0], Double($0[2])! * 1000 / Double($0[4])!) }.sorted { $0.1 > $1.1 }
    }

    @Test func theRankingIsThatOfThePublishedTotals() async throws {
        try await withTestApp { app in
            let summary = try await Importer(database: app.db).importMunicipalFigures(path: try temporaryFile(Self.figures))
            #expect(summary.rows == 10)
            let token = try await RelationsAPITests.token(.viewer, in: app)
            let api = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/benchmarks?year=2022", headers: token.headers, in: app))
            let expected = Self.expectedRanking(year: "2022")
            let rows = try #require(api["municipalities"] as? [[String: Any]])
            #expect(rows.map { $0["code"] as? String } == expected.map(\.code))
            #expect(zip(rows, expected).allSatisfy { abs(($0.0["value"] as? Double ?? 0) - $0.1.value) < 1e-9 })
            #expect(api["rank"] as? Int == (expected.firstIndex { $0.code == "GM0193" }! + 1))

            // A chosen list by names; growth from 2021.
            let chosen = try RelationsAPITests.object(try await RelationsAPITests.call(
                .GET, "/api/v1/benchmarks?year=2022&indicator=jobs-growth&from=2021&compare=Eindhoven,Utrecht,amsterdam", headers: token.headers, in: app))
            let growth = try #require(chosen["municipalities"] as? [[String: Any]])
            #expect(Set(growth.compactMap { $0["code"] as? String }) == ["GM0193", "GM0772", "GM0344", "GM0363"])
            #expect(abs((growth.first { $0["code"] as? String == "GM0193" }?["value"] as? Double ?? 0) - (100000.0 / 98000 - 1) * 100) < 1e-9)

            let session = try await app.session(as: .viewer)
            let page = try await OrganisationTests.get("/economie/vergelijking?jaar=2022", as: session, in: app)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Zwolle staat in 2022 op plaats \(api["rank"] as? Int ?? 0) van 5"))
            let csv = try await OrganisationTests.get("/economie/vergelijking?jaar=2022&formaat=csv", as: session, in: app)
            #expect(csv.body.string.split(separator: "\n").count == 6)
            let bad = try await OrganisationTests.get("/economie/vergelijking?vergelijk=Atlantis", as: session, in: app)
            #expect(bad.status == .badRequest && bad.body.string.contains("'Atlantis' in 'vergelijk' is geen gemeente"))
            let noYear = try await OrganisationTests.get("/economie/vergelijking?jaar=2010", as: session, in: app)
            #expect(noYear.status == .badRequest && noYear.body.string.contains("kies een jaar tussen 2021 en 2022"))
        }
    }

    /// The demo's synthetic file: Zwolle third after Haarlemmermeer and Eindhoven, as the strategy says.
    @Test func theDemoFileHasZwolleThirdAfterHaarlemmermeerAndEindhoven() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importMunicipalFigures(path: try DemoData.file("gemeentecijfers-synthetisch"))
            let token = try await RelationsAPITests.token(.viewer, in: app)
            let api = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/benchmarks?year=2020", headers: token.headers, in: app))
            let rows = try #require(api["municipalities"] as? [[String: Any]])
            #expect(rows.prefix(3).map { $0["name"] as? String } == ["Haarlemmermeer", "Eindhoven", "Zwolle"])
            #expect(api["of"] as? Int == 342)
        }
    }

    /// Each file starts with a good row (line 2); the bad rows follow.
    @Test(arguments: [
        ("GM9999,2022,1,1,1", "line 3, column gemeente: 'GM9999' is not a known CBS municipality code"),
        ("GM0193,2022,-5,1,1", "line 3, column banen: '-5' is not a non-negative whole number"),
        ("GM0193,2022,5,veel,1", "line 3, column vestigingen"),
        ("GM0193,2022,5,1,1\nGM0193,2022,6,1,1", "line 4, column gemeente: GM0193 in 2022 already has a row on line 3"),
        ("GM0193,1500,5,1,1", "line 3, column jaar"),
    ])
    func aBadFileIsRejectedWithItsLineAndColumnAndNothingIsImported(rows: String, expected: String) async throws {
        try await withTestApp { app in
            do {
                _ = try await Importer(database: app.db).importMunicipalFigures(path: try temporaryFile("gemeente,jaar,banen,vestigingen,inwoners\nGM0344,2022,1,1,1\n\(rows)\n"))
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                #expect(rejected.report().contains(expected), "\(rejected.report())")
            }
            #expect(try await app.count("municipal_figures") == 0, "nothing of a bad file is written")
        }
    }
}
