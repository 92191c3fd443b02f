@testable import App
import Analysis
import Foundation
import Testing
import Vapor
import VaporTesting

/// `vliegwiel import ecosystem`, Economie > Ecosysteem and `/api/v1/ecosystem` (issue 20).
struct EcosystemTests {
    static let elements = EcosystemIndex.Element.Name.allCases.map(\.rawValue)

    /// The demo's synthetic file, against the index computed here from its rows: each element
    /// divided by its mean over the regions, summed; Noord-Overijssel 32nd in 2020 and below the
    /// average region on exactly leadership, networks and new knowledge.
    @Test func theDemoFileGivesTheStrategysRankAndWeakElements() async throws {
        try await withTestApp { app in
            let path = try DemoData.file("ecosysteem-synthetisch")
            _ = try await Importer(database: app.db).importEcosystem(path: path)
            var scores: [String: [String: Double]] = [:]
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
                let cells = line.split(separator: ",").map(String.init)
                if cells[1] == "2020" { scores[cells[0], default: [:]][cells[2]] = Double(cells[3])! }
            }
            var means: [String: Double] = [:]
            for element in Self.elements { means[element] = scores.values.map { $0[element]! }.reduce(0, +) / Double(scores.count) }
            let totals = scores.mapValues { region in Self.elements.map { region[$0]! / means[$0]! }.reduce(0, +) }
            let order = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)

            let token = try await RelationsAPITests.token(.viewer, in: app)
            let api = try RelationsAPITests.object(try await RelationsAPITests.call(.GET, "/api/v1/ecosystem?region=Noord-Overijssel&year=2020", headers: token.headers, in: app))
            let selected = try #require(api["selected"] as? [String: Any])
            #expect(selected["additive_rank"] as? Int == 32)
            #expect(order.firstIndex(of: "CR10")! + 1 == 32)
            #expect(abs((selected["additive"] as? Double ?? 0) - totals["CR10"]!) < 1e-9)
            #expect(Set(selected["below_average"] as? [String] ?? []) == ["leadership", "networks", "new_knowledge"])
            #expect((api["regions"] as? [[String: Any]])?.map { $0["code"] as? String } == order)

            let session = try await app.session(as: .viewer)
            let page = try await OrganisationTests.get("/economie/ecosysteem?jaar=2020", as: session, in: app)
            #expect(page.body.string.contains("Noord-Overijssel staat in 2020 op plaats 32 van 40"))
            let bad = try await OrganisationTests.get("/economie/ecosysteem?regio=Atlantis", as: session, in: app)
            #expect(bad.status == .badRequest && bad.body.string.contains("is geen COROP-regio"))
        }
    }

    /// A complete region-year, then the bad rows.
    static func file(_ rows: String) -> String {
        "regio,jaar,element,score\n" + Self.elements.map { "CR10,2020,\($0),1.0" }.joined(separator: "\n") + "\n" + rows + "\n"
    }

    @Test(arguments: [
        ("CR99,2020,demand,1", "line 12, column regio: 'CR99' is not a COROP region"),
        ("CR10,2020,luck,1", "line 12, column element: 'luck' is not one of the ten elements"),
        ("CR10,2020,demand,1", "line 12, column element: demand of CR10 in 2020 already has a row on line 5"),
        ("Twente,2020,demand,-0.5", "line 12, column score: -0.5 is outside 0...1000"),
        ("Twente,2020,demand,0.9", "line 12, column element: CR12 in 2020 lacks formal_institutions"),
    ])
    func aBadFileIsRejectedWithItsLineAndNothingIsImported(rows: String, expected: String) async throws {
        try await withTestApp { app in
            do {
                _ = try await Importer(database: app.db).importEcosystem(path: try temporaryFile(Self.file(rows)))
                Issue.record("accepted a bad file")
            } catch let rejected as ImportRejected {
                #expect(rejected.report().contains(expected), "\(rejected.report())")
            }
            #expect(try await app.count("ecosystem_scores") == 0)
        }
    }
}
