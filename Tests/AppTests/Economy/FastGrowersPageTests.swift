@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// Economie > Snelle groeiers (issue 4).
struct FastGrowersPageTests {
    /// Firm 1 grows 10 -> 18 (OECD and EU), firm 2 10 -> 14 (only EU 2014: +40% > +33.1%),
    /// firm 3 is a young OECD grower (founded 2014: a gazelle for 2015-2018).
    static let register = [
        ImportTests.header,
        "000000000001,00000001,Snelle Een,62.01,8011AB,GM0193,2015,10,0,2000",
        "000000000001,00000001,Snelle Een,62.01,8011AB,GM0193,2018,18,0,2000",
        "000000000002,00000002,Gestage Twee,86.10,8011AB,GM0193,2015,10,0,2000",
        "000000000002,00000002,Gestage Twee,86.10,8011AB,GM0193,2018,14,0,2000",
        "000000000003,00000003,Jonge Drie,62.02,8011AB,GM0193,2015,12,0,2014",
        "000000000003,00000003,Jonge Drie,62.02,8011AB,GM0193,2018,40,0,2014",
    ].joined(separator: "\n")

    @Test(arguments: [("oecd", ["00000003", "00000001"]), ("eu2014", ["00000003", "00000001", "00000002"])])
    func theFirmsAreThoseOfTheAnalysisLibrary(definition: String, expected: [String]) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let session = try await app.session(as: .viewer)
            let panel = try await RegisterStore(app.db).panel(municipalities: ["GM0193"], years: [2015, 2018])
            let rule: HighGrowth.Rule = definition == "oecd" ? .oecd : .eu2014
            #expect(Set(panel.highGrowthUnits(in: .municipality("GM0193"), endYear: 2018, rule: rule).map(\.id)) == Set(expected))
            try await app.testing().test(.GET, "/economie/snelle-groeiers?gebied=GM0193&tot=2018&definitie=\(definition)", headers: session.headers) { response in
                #expect(response.status == .ok)
                let body = response.body.string
                #expect(body.contains("\(expected.count) snelle groeiers, waarvan 1 gazellen"))
                #expect(body.contains("Jonge Drie") && body.contains("Snelle Een"))
                #expect(body.contains("Gestage Twee") == (definition == "eu2014"))
                #expect(body.contains(definition == "oecd" ? "meer dan 72,8%" : "meer dan 33,1%"), "the definition is explained")
            }
            try await app.testing().test(.GET, "/economie/snelle-groeiers?gebied=GM0193&tot=2018&definitie=\(definition)&formaat=csv",
                                         headers: session.headers) { response in
                let lines = response.body.string.split(separator: "\n")
                #expect(lines.count == expected.count + 1)
                #expect(lines[1].hasPrefix("00000003,Jonge Drie,2014,12,40,233.3,ja"), "largest growth first: \(lines[1])")
            }
        }
    }

    @Test func anUnknownDefinitionOrAYearWithoutAWindowGetsAClearMessage() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let session = try await app.session(as: .viewer)
            try await app.testing().test(.GET, "/economie/snelle-groeiers?gebied=GM0193&tot=2018&definitie=cbs2030", headers: session.headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("Definitie 'cbs2030' bestaat niet"))
            }
            try await app.testing().test(.GET, "/economie/snelle-groeiers?gebied=GM0193&tot=2016", headers: session.headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("De periode 2013-2016 kan niet"))
            }
        }
    }
}
