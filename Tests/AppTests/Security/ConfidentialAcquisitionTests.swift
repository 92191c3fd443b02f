@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 4: outside its team a confidential acquisition is its codename, stage
/// and cluster; nothing else can be learnt, not by its position in a list either.
struct ConfidentialAcquisitionTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    @Test func outsidersLearnOnlyCodenameStageAndCluster() async throws {
        try await withTestApp { app in
            let (team, member) = try await API.token(.accountmanager, in: app)
            let (outsider, _) = try await API.token(.admin, in: app)
            // Company names sort the other way round from the codenames.
            for (name, codename) in [("Aaa Chips BV", "Zulu"), ("Zzz Zorg BV", "Alfa")] {
                let created = try await API.call(.POST, "/api/v1/acquisitions", """
                    {"company_name":"\(name)","codename":"\(codename)","origin_municipality":"GM0772","cluster":"health","stage":"decision",
                     "expected_jobs":4321,"expected_investment":5000000,"decision_on":"2025-06-01","notes":"geheim","team":["\(member.email)"]}
                    """, headers: team, in: app)
                #expect(created.status == .created, "\(created.body.string)")
            }
            let admin = try await app.session(as: .admin)
            let page = try await Web.get("/relaties/acquisitie", as: admin, in: app).body.string
            for secret in ["Aaa Chips", "Zzz Zorg", "Eindhoven", "geheim", "4.321", "8.642", "5.000.000", "01-06-2025"] {
                #expect(!page.contains(secret), "the list shows \(secret)")
            }
            let alfa = try #require(page.range(of: "Alfa")), zulu = try #require(page.range(of: "Zulu"))
            #expect(alfa.lowerBound < zulu.lowerBound, "ordered by the codename the reader sees")

            let list = try API.object(try await API.call(.GET, "/api/v1/acquisitions", headers: outsider, in: app))
            let rows = try #require(list["data"] as? [[String: Any]])
            for row in rows {
                #expect(Set(row.keys).isSubset(of: ["id", "codename", "confidential", "cluster", "stage"]), "the API shows \(row.keys.sorted())")
            }
            let trail = try await AuditEvent.query(on: app.db).all().filter { $0.entity == "acquisition" }.map(\.changes).joined()
            let organisations = try await Organisation.query(on: app.db).all().compactMap { $0.id?.uuidString }
            #expect(!trail.contains("Chips") && organisations.allSatisfy { !trail.contains($0) }, "the trail names no company and no organisation")

            // The team sees everything.
            let own = try API.object(try await API.call(.GET, "/api/v1/acquisitions", headers: team, in: app))
            #expect((own["data"] as? [[String: Any]])?.allSatisfy { $0["company_name"] != nil && $0["expected_jobs"] != nil } == true)

            // Linked to an existing organisation it may land while confidential: outsiders see no link.
            let existing = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Bestaand BV"}"#, headers: team, in: app))["id"] as! String
            let id = try #require(rows.first { $0["codename"] as? String == "Alfa" }?["id"] as? String)
            let landed = try await API.call(.PATCH, "/api/v1/acquisitions/\(id)", #"{"stage":"landed","organisation":"\#(existing)"}"#, headers: team, in: app)
            #expect(landed.status == .ok, "\(landed.body.string)")
            let seen = try await Web.get("/relaties/acquisitie", as: admin, in: app).body.string
            #expect(!seen.contains(existing) && !seen.contains("Bestaand"))
            let trail2 = try await AuditEvent.query(on: app.db).filter(\.$entity == "acquisition").all().map(\.changes).joined()
            #expect(!trail2.contains(existing))
        }
    }
}
