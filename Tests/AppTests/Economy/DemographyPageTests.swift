@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// Economie > Demografie and `/api/v1/demography` (issue 20): the page, its CSV and the API give
/// the figures of `RegisterPanel.demography`, and bad parameters get a clear message.
struct DemographyPageTests {
    /// 2019-2022 in Zwolle and Kampen: 1 is old; 2 and 3 are born in 2020 (3 closes after 2020);
    /// 4 is born in 2021 in section G; 5 moves from Kampen to Zwolle in 2021.
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Oud Een,62.01,8011AB,GM0193,2019,5,0,1990",
        "000000000001,00000001,Oud Een,62.01,8011AB,GM0193,2020,5,0,1990",
        "000000000001,00000001,Oud Een,62.01,8011AB,GM0193,2021,5,0,1990",
        "000000000001,00000001,Oud Een,62.01,8011AB,GM0193,2022,5,0,1990",
        "000000000002,00000002,Start Twee,62.02,8028PE,GM0193,2020,2,0,2020",
        "000000000002,00000002,Start Twee,62.02,8028PE,GM0193,2021,3,0,2020",
        "000000000002,00000002,Start Twee,62.02,8028PE,GM0193,2022,4,0,2020",
        "000000000003,00000003,Start Drie,62.03,8011AC,GM0193,2020,1,0,2019",
        "000000000004,00000004,Winkel Vier,47.11,8017AA,GM0193,2021,3,0,2021",
        "000000000004,00000004,Winkel Vier,47.11,8017AA,GM0193,2022,3,0,2021",
        "000000000005,00000005,Verhuizer Vijf,62.01,8261AA,GM0166,2019,4,0,2000",
        "000000000005,00000005,Verhuizer Vijf,62.01,8261AA,GM0166,2020,4,0,2000",
        "000000000005,00000005,Verhuizer Vijf,62.01,8011AD,GM0193,2021,4,0,2000",
        "000000000005,00000005,Verhuizer Vijf,62.01,8011AD,GM0193,2022,4,0,2000",
    ].joined(separator: "\n")

    @Test func thePageItsCSVAndTheAPIShowTheSameDemography() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let panel = try await RegisterStore(app.db).panel(municipalities: ["GM0193", "GM0166"], years: [2019, 2020, 2021, 2022])
            let expected = panel.demography(in: .municipality("GM0193"), unit: .enterprise)
            #expect(expected.year(2020)?.births == 2 && expected.year(2021)?.births == 1 && expected.year(2021)?.arrivals == 1 && expected.year(2020)?.closures == 1)
            let session = try await app.session(as: .viewer)
            let page = try await OrganisationTests.get("/economie/demografie?gebied=GM0193&van=2019&tot=2020", as: session, in: app)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("In 2020: 2 geboorten (starters) op 3 ondernemingen"))
            #expect(page.body.string.contains("Start Twee") && page.body.string.contains("Start Drie") && !page.body.string.contains("Winkel Vier"), "the births of 2020 are listed")
            let csv = try await OrganisationTests.get("/economie/demografie?gebied=GM0193&van=2019&tot=2022&formaat=csv", as: session, in: app)
            let lines = csv.body.string.split(separator: "\n").map(String.init)
            #expect(lines[0].hasPrefix("jaar,voorraad,geboorten,overige_nieuwkomers,terugkeerders,vestigers,vertrekkers,opheffingen"))
            #expect(lines[2].hasPrefix("2020,3,2,0,0,0,0,1,66.7,33.3,50.0,"), "\(lines[2])")
            #expect(lines[3].hasPrefix("2021,4,1,0,0,1,0,,25.0,,"), "closures of 2021 need 2023: \(lines[3])")

            let token = try await RelationsAPITests.token(.viewer, in: app)
            let api = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/demography?area=GM0193&from=2019&to=2022", headers: token.headers, in: app))
            let years = try #require(api["years"] as? [[String: Any]])
            #expect(years.map { $0["births"] as? Int } == expected.years.map(\.births))
            #expect(years.map { $0["closures"] as? Int } == expected.years.map(\.closures))
            let cohorts = try #require(api["cohorts"] as? [[String: Any]])
            let survival2020 = try #require(cohorts.first { $0["year"] as? Int == 2020 }?["survival"] as? [[String: Any]])
            #expect(survival2020.first { $0["after_years"] as? Int == 2 }?["survivors"] as? Int == 1)
            #expect(survival2020.first { $0["after_years"] as? Int == 3 }?["survivors"] == nil, "2023 is not in the register")

            // A section narrows the units to its own.
            let shops = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/demography?area=GM0193&from=2019&to=2022&section=G", headers: token.headers, in: app))
            #expect((shops["years"] as? [[String: Any]])?.compactMap { $0["births"] as? Int } == [0, 1, 0])
        }
    }

    @Test(arguments: [
        ("sectie=Z", "'Z' is geen SBI-sectie"),
        ("cluster=bestaat-niet", "Er is geen cluster 'bestaat-niet'"),
        ("sectie=G&cluster=health", "Kies een sectie of een cluster, niet allebei"),
        ("afbakening=iets", "'afbakening' is 'sectie:' met een letter"),
        ("eenheid=persoon", "eenheid"),
        ("tot=1990", "De periode"),
    ])
    func badParametersGetAClearMessage(query: String, expected: String) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let session = try await app.session(as: .viewer)
            let response = try await OrganisationTests.get("/economie/demografie?gebied=GM0193&\(query)", as: session, in: app)
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains(expected), "\(query)")
        }
    }
}
