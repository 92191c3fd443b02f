@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The clusters' collaboration network (issue 14): collaborations entered directly (running
/// today) and engagements shared in the last 24 months make the links; centrality per organisation
/// as computed by hand for a path; bad input refused; merge moves collaborations.
struct NetworkTests {
    typealias API = RelationsAPITests

    private static func day(_ offset: Int) -> String { DemoRelations.day(offset).text }

    /// Five organisations: A-B and B-C collaborate today, C and D shared an engagement ten days ago,
    /// D and E collaborated until last year, and B and D shared one three years ago (too long ago).
    @Test func linksAndCentralityFollowTheDefinition() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.accountmanager, in: app)
            var ids: [String: String] = [:]
            for name in ["Alfa", "Bravo", "Charlie", "Delta", "Echo"] {
                ids[name] = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"\#(name) BV"}"#, headers: headers, in: app))["id"] as? String
            }
            let engagement = { (names: [String], offset: Int) async throws in
                let organisations = names.map { "\"\(ids[$0]!)\"" }.joined(separator: ",")
                let response = try await API.call(.POST, "/api/v1/engagements", #"{"date":"\#(Self.day(offset))","kind":"event","clusters":["health"],"organisations":[\#(organisations)]}"#,
                                                  headers: headers, in: app)
                #expect(response.status == .created, "\(response.body.string)")
            }
            for name in ["Alfa", "Bravo", "Charlie", "Delta"] { try await engagement([name], -1200) }
            try await engagement(["Charlie", "Delta"], -10)
            try await engagement(["Bravo", "Delta"], -1100)
            let collaboration = { (a: String, b: String, extra: String) async throws in
                let response = try await API.call(.POST, "/api/v1/collaborations",
                                                  #"{"first":"\#(ids[a]!)","second":"\#(ids[b]!)","kind":"r_and_d"\#(extra)}"#, headers: headers, in: app)
                #expect(response.status == .created, "\(response.body.string)")
            }
            try await collaboration("Alfa", "Bravo", #","started_on":"\#(Self.day(-300))""#)
            try await collaboration("Bravo", "Charlie", #","strength":4"#)
            let twice = try await API.call(.POST, "/api/v1/collaborations", #"{"first":"\#(ids["Charlie"]!)","second":"\#(ids["Bravo"]!)","kind":"r_and_d"}"#,
                                           headers: headers, in: app)
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("hebben al een samenwerking"), "the same pair and kind, overlapping")
            try await collaboration("Delta", "Echo", #","started_on":"\#(Self.day(-900))","ended_on":"\#(Self.day(-400))""#)

            let cluster = try API.object(try await API.call(.GET, "/api/v1/clusters/health?area=GM0193", nil, headers: headers, in: app))
            let players = try #require(cluster["key_players"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: players.map { ($0["name"] as! String, $0) })
            #expect(Set(byName.keys) == ["Alfa BV", "Bravo BV", "Charlie BV", "Delta BV"], "Echo's collaboration ended; the old shared engagement does not count")
            #expect((cluster["links"] as? [Any])?.count == 3)
            // A path of four: degree 1/3 at the ends and 2/3 inside; betweenness 2/3 inside (two of
            // the three pairs of the others pass through), eigenvector sin(kπ/5) normalised.
            let eigen = (1...4).map { sin(Double($0) * .pi / 5) }, length = eigen.map { $0 * $0 }.reduce(0, +).squareRoot()
            let third = 1.0 / 3, twoThirds = 2.0 / 3
            let expected: [(String, Double, Double, Double)] = [
                ("Alfa BV", third, 0, eigen[0] / length), ("Bravo BV", twoThirds, twoThirds, eigen[1] / length),
                ("Charlie BV", twoThirds, twoThirds, eigen[2] / length), ("Delta BV", third, 0, eigen[3] / length),
            ]
            for (name, degree, betweenness, eigenvector) in expected {
                let player = try #require(byName[name])
                let (d, b, e) = (player["degree"] as! Double, player["betweenness"] as! Double, player["eigenvector"] as! Double)
                #expect(abs(d - degree) < 1e-9, "\(name) degree")
                #expect(abs(b - betweenness) < 1e-9, "\(name) betweenness")
                #expect(abs(e - eigenvector) < 1e-6, "\(name) eigenvector")
            }
            // No jobs, no growth: the score is half the centrality part; the inner two first.
            let bravo = try #require(byName["Bravo BV"])
            let score = bravo["score"] as! Double
            #expect(abs(score - 0.5) < 1e-9, "degree, betweenness and eigenvector are each the network's highest")
            #expect(Set(players.prefix(2).map { $0["name"] as! String }) == ["Bravo BV", "Charlie BV"])

            let manager = try await app.session(as: .accountmanager)
            let summary = try await OrganisationTests.get("/groeiclusters/health", as: manager, in: app).body.string
            #expect(summary.contains("Hoogste score in het samenwerkingsnetwerk (4 organisaties)") && summary.contains("/groeiclusters/health/netwerk?"))
            let page = try await OrganisationTests.get("/groeiclusters/health/netwerk", as: manager, in: app).body.string
            #expect(page.contains("Sleutelspelers, hoogste score eerst") && page.components(separatedBy: "class=\"network-node\"").count - 1 == 4)
            #expect(page.contains("Alle 3 verbindingen als tabel"))
            let list = try await OrganisationTests.get("/groeiclusters/samenwerkingen?lopend=ja", as: manager, in: app).body.string
            #expect(list.contains("2 samenwerkingen."))
        }
    }

    @Test(arguments: [
        (["second": "SELF"], "kan niet met zichzelf samenwerken"),
        (["started_on": "2025-05-01", "ended_on": "2025-01-01"], "de einddatum 2025-01-01 ligt vóór de begindatum 2025-05-01"),
        (["strength": "9"], "'9' is geen heel getal van 1 tot 5"),
        (["kind": "vriendschap"], "'vriendschap' kan niet"),
        (["strength": "0.5"], "'0.5' is geen heel getal van 1 tot 5"),
        (["started_on": "2026-1-001"], "'2026-1-001' is geen datum"),
        (["second": ""], "kies een organisatie"),
    ])
    func badInputNamesTheFieldAndWritesNothing(change: [String: String], message: String) async throws {
        try await withTestApp { app in
            let manager = try await app.session(as: .accountmanager)
            let first = try await PeopleAndContactTests.organisation("Eerste BV", as: manager, in: app)
            let second = try await PeopleAndContactTests.organisation("Tweede BV", as: manager, in: app)
            var form = ["first": first.uuidString, "second": second.uuidString, "kind": "supply", "strength": "2"].merging(change) { $1 }
            if form["second"] == "SELF" { form["second"] = first.uuidString }
            let response = try await OrganisationTests.post("/groeiclusters/samenwerkingen", form, as: manager, in: app)
            #expect(response.status == .unprocessableEntity && response.body.string.contains(message), "\(response.body.string.components(separatedBy: "error-summary").last?.prefix(300) ?? "")")
            #expect(try await Collaboration.query(on: app.db).count() == 0)
        }
    }

    @Test func readersCannotRecordAndMergeMovesCollaborations() async throws {
        try await withTestApp { app in
            let manager = try await app.session(as: .accountmanager)
            let names = ["Een BV", "Twee BV", "Drie BV"]
            var ids: [UUID] = []
            for name in names { ids.append(try await PeopleAndContactTests.organisation(name, as: manager, in: app)) }
            let reader = try await app.session(as: .viewer)
            let refused = try await OrganisationTests.post("/groeiclusters/samenwerkingen", ["first": ids[0].uuidString, "second": ids[1].uuidString, "kind": "supply"],
                                                           as: reader, in: app)
            #expect(refused.status == .forbidden)
            for (a, b) in [(0, 1), (1, 2)] {
                let saved = try await OrganisationTests.post("/groeiclusters/samenwerkingen", ["first": ids[a].uuidString, "second": ids[b].uuidString, "kind": "supply"],
                                                             as: manager, in: app)
                #expect(saved.status == .seeOther)
            }
            // Merging Twee into Een: Een-Twee would link Een with itself and goes; Twee-Drie becomes Een-Drie.
            let service = OrganisationService(database: app.db, actor: .system)
            try await service.merge(try await OrganisationService.find(ids[1], on: app.db), into: try await OrganisationService.find(ids[0], on: app.db))
            let left = try await Collaboration.query(on: app.db).all()
            #expect(left.count == 1 && Set([left[0].$first.id, left[0].$second.id]) == [ids[0], ids[2]])
        }
    }
}
