@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The home municipality and its region are configuration: no page or service names Zwolle, and
/// another municipality gets the same pages for its own region (issue 12).
struct HomeConfigurationTests {
    /// Zwolle may be named in the configuration (its defaults), the demo (a synthetic Zwolle) and
    /// the migrations (history); comments may use it as an example.
    @Test func nothingOutsideConfigurationAndTheDemoNamesZwolle() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        let allowed = ["App/AppConfig.swift", "App/Demo/", "App/Commands/DemoCommand.swift", "App/Migrations/"]
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(files.count > 100, "the sources are found")
        for file in files where file.pathExtension == "swift" {
            let path = String(file.standardized.path.dropFirst(sources.path.count + 1))
            if allowed.contains(where: path.hasPrefix) { continue }
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                if ["GM0193", "regio-zwolle", "regio_zwolle", "zwolle"].contains(where: { code.lowercased().contains($0.lowercased()) }) {
                    found.append("\(path):\(number + 1): \(code)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    static let register = [
        ImportTests.header,
        "000000000001,00000001,Deventer Software,62.01,7411AB,GM0150,2010,100,0,2000",
        "000000000001,00000001,Deventer Software,62.01,7411AB,GM0150,2020,150,0,2000",
        "000000000002,00000002,Olst Zorg,86.10,8121AB,GM1773,2010,40,0,1990",
        "000000000002,00000002,Olst Zorg,86.10,8121AB,GM1773,2020,50,0,1990",
        "000000000003,00000003,Zwolse Drukkerij,18.12,8011AB,GM0193,2020,70,0,1990",
    ].joined(separator: "\n")

    /// Deventer with its standard region, the COROP area Zuidwest-Overijssel (Deventer, Olst-Wijhe, Raalte).
    @Test func anotherMunicipalityGetsTheSamePagesForItsOwnRegion() async throws {
        try await withTestApp(area: "GM0150") { app in
            #expect(app.config.region == AppConfig.Region(name: "Regio Deventer", members: ["GM0150", "GM1773", "GM0177"]))
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(Self.register))
            let session = try await app.session(as: .accountmanager)
            let region = try await DrillDownTests.page("/economie/regio?van=2010&tot=2020", in: app, session: session)
            #expect(region.contains("Deventer en Regio Deventer, 2010-2020") && region.contains("Rest van Regio Deventer"))
            #expect(region.contains("De 3 gemeenten van Regio Deventer") && region.contains("Stand van Deventer"))
            #expect(!region.contains("Zwolle"), "neither the region, the navigation nor the map is Zwolle's")
            #expect(!region.contains(#"id="kaart""#), "no map of part of the region (Deventer's boundaries are not shipped)")
            let overview = try await DrillDownTests.page("/economie?gebied=regio-deventer&van=2010&tot=2020", in: app, session: session)
            #expect(overview.contains(#"<option value="regio-deventer" selected="selected">Regio Deventer (3 gemeenten)</option>"#))
            #expect(overview.contains(#"jaar=2010">140</a>"#) && overview.contains(#"jaar=2020">200</a>"#), "the region's jobs, without Zwolle's")
            let (status, _) = try await DrillDownTests.follow("/economie?gebied=regio-zwolle", in: app, session: session)
            #expect(status == .badRequest, "another installation's region is not an area here")

            // An acquisition comes from outside Regio Deventer: Zwolle is outside, Olst-Wijhe is not.
            let (headers, _) = try await RelationsAPITests.token(.accountmanager, in: app)
            let inside = try await RelationsAPITests.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Buur BV","origin_municipality":"GM1773"}"#, headers: headers, in: app)
            #expect(inside.status == .unprocessableEntity && inside.body.string.contains("ligt in Regio Deventer"))
            let outside = try await RelationsAPITests.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Verre BV","origin_municipality":"GM0193"}"#, headers: headers, in: app)
            #expect(outside.status == .created)
        }
    }

    @Test(arguments: [
        (["VLIEGWIEL_AREA": "0150", "VLIEGWIEL_REGION": "CR11"], ["GM0150", "GM0177", "GM1773"], "Zuidwest-Overijssel"),
        (["VLIEGWIEL_AREA": "0150", "VLIEGWIEL_REGION": "GM0150,GM1773"], ["GM0150", "GM1773"], "Regio Deventer"),
        (["VLIEGWIEL_REGION": "0193, GM0166", "VLIEGWIEL_REGION_NAME": "Zwolle en Kampen"], ["GM0166", "GM0193"], "Zwolle en Kampen"),
        (["VLIEGWIEL_AREA": "GM0150"], ["GM0150", "GM0177", "GM1773"], "Regio Deventer"),
        ([:], AppConfig.Region.zwolle.members, "Regio Zwolle"),
    ])
    func theRegionIsASetting(environment: [String: String], members: [String], name: String) throws {
        let region = try AppConfig.fromEnvironment(environment).region
        #expect(region.members == members.sorted() && region.name == name)
    }

    @Test(arguments: [
        (["VLIEGWIEL_REGION": "CR99"], "is not a COROP area"),
        (["VLIEGWIEL_REGION": "GM0166,Kampen"], "not CBS municipality codes: Kampen"),
        (["VLIEGWIEL_REGION": "GM0166"], "must include the home municipality GM0193"),
        (["VLIEGWIEL_REGION_NAME": "0193"], "must not look like a municipality code, not '0193'"),
        (["VLIEGWIEL_AREA": "GM9999"], "GM9999 is not in the CBS list of municipalities"),
    ])
    func aBadRegionSettingIsNamed(environment: [String: String], message: String) {
        do {
            _ = try AppConfig.fromEnvironment(environment)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
