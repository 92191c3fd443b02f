@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A cluster's life (issue 14): made and changed through the API by advisers, its figures
/// following its SBI codes; deleted only after its engagements and acquisitions moved, or archived.
struct ClusterLifecycleTests {
    typealias API = RelationsAPITests
    typealias Web = OrganisationTests

    @Test func advisersManageClustersThroughTheAPIAndTheFiguresFollow() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (adviser, _) = try await API.token(.adviser, in: app)
            let (manager, _) = try await API.token(.accountmanager, in: app)
            let body = #"{"key":"zorg-en-brood","name_nl":"Zorg en brood","name_en":"Care and bread","growth_cluster":false,"sbi_prefixes":["86.10","10.71"]}"#
            #expect(try await API.call(.POST, "/api/v1/clusters", body, headers: manager, in: app).status == .forbidden, "account managers do not define clusters")
            let created = try await API.call(.POST, "/api/v1/clusters", body, headers: adviser, in: app)
            #expect(created.status == .created && created.headers.first(name: .location) == "/api/v1/clusters/zorg-en-brood", "\(created.body.string)")
            // Ziekenhuis Drie 950 + 100 and Bakkerij Vier 25 in 2020.
            #expect(try API.object(created)["jobs"] as? Int == 1_075)
            let patched = try await API.call(.PATCH, "/api/v1/clusters/zorg-en-brood?year=2020", #"{"sbi_prefixes":["10.71"]}"#, headers: adviser, in: app)
            let jobs = try API.object(patched)["jobs"] as? Int
            #expect(patched.status == .ok && jobs == 25, "\(patched.body.string)")
            #expect((try API.object(patched)["name_nl"] as? String) == "Zorg en brood", "a patch keeps what it does not name")
            let bad = try await API.call(.PATCH, "/api/v1/clusters/zorg-en-brood", #"{"sbi_prefixes":["99.99"]}"#, headers: adviser, in: app)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("sbi_prefixes") && bad.body.string.contains("'99.99'"))
            for (bad, field) in [(#"{"key":"nieuw","name_nl":"N","name_en":"N","sbi_prefixes":"62"}"#, "'nieuw' is al een adres"),
                                 (#"{"key":"ict-","name_nl":"N","name_en":"N","sbi_prefixes":"62"}"#, "gebruik kleine letters"),
                                 (#"{"key":"nieuwe-ict","name_nl":"N","name_en":"N","growth_cluster":"ja","sbi_prefixes":"62"}"#, "growth_cluster")] {
                let refused = try await API.call(.POST, "/api/v1/clusters", bad, headers: adviser, in: app)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains(field), "\(refused.body.string)")
            }
            #expect(try await API.call(.DELETE, "/api/v1/clusters/zorg-en-brood?archive=ja", nil, headers: adviser, in: app).status == .badRequest)
            #expect(try await API.call(.DELETE, "/api/v1/clusters/zorg-en-brood", nil, headers: adviser, in: app).status == .noContent, "nothing names it")
            #expect(try await API.call(.GET, "/api/v1/clusters/zorg-en-brood", nil, headers: adviser, in: app).status == .notFound)
        }
    }

    @Test func aClusterWithEngagementsIsMovedOrArchivedNeverJustDeleted() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let manager = try await app.session(as: .accountmanager), adviser = try await app.session(as: .adviser)
            let company = try await PeopleAndContactTests.organisation("Deelnemer BV", as: manager, in: app)
            for clusters in [["logistiek"], ["logistiek", "health"]] {
                var form = ["date": "2025-03-01", "kind": "event", "organisations[]": company.uuidString]
                form["clusters[]"] = clusters.joined(separator: ",")
                #expect(try await Web.post("/groeiclusters/activiteiten", form, as: manager, in: app).status == .seeOther)
            }
            let (headers, _) = try await API.token(.accountmanager, in: app)
            let acquisition = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Vervoerder BV","origin_municipality":"GM0772","cluster":"logistics"}"#,
                                                 headers: headers, in: app)
            let named = try API.object(acquisition)["cluster"] as? String
            #expect(acquisition.status == .created && named == "logistiek", "\(acquisition.body.string)")

            // A cluster only an acquisition names is not deleted without a place for it either.
            _ = try await API.call(.POST, "/api/v1/clusters", #"{"key":"vervoer","name_nl":"Vervoer","name_en":"Transport","sbi_prefixes":"49"}"#,
                                   headers: try await API.token(.adviser, in: app).headers, in: app)
            let moving = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"Rijder BV","origin_municipality":"GM0772","cluster":"vervoer"}"#,
                                            headers: headers, in: app)
            #expect(moving.status == .created)
            let kept = try await Web.post("/groeiclusters/vervoer/verwijderen", ["actie": "verwijderen"], as: adviser, in: app)
            #expect(kept.status == .unprocessableEntity && kept.body.string.contains("1 acquisities"))
            let page = try await Web.get("/groeiclusters/logistiek/verwijderen", as: adviser, in: app).body.string
            #expect(page.contains("2 activiteiten en 1 acquisities noemen dit cluster."))
            let refused = try await Web.post("/groeiclusters/logistiek/verwijderen", ["actie": "verwijderen"], as: adviser, in: app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("heeft 2 activiteiten en 1 acquisities: verplaats ze naar een ander cluster, of archiveer het cluster"))
            let (apiHeaders, _) = try await API.token(.adviser, in: app)
            #expect(try await API.call(.DELETE, "/api/v1/clusters/logistiek", nil, headers: apiHeaders, in: app).status == .conflict)
            #expect(try await Cluster.query(on: app.db).filter(\.$key == "logistiek").count() == 1, "nothing deleted")

            // Archived: out of the list, its engagements kept.
            #expect(try await Web.post("/groeiclusters/logistiek/verwijderen", ["actie": "archiveren"], as: adviser, in: app).status == .seeOther)
            let index = try await Web.get("/groeiclusters", as: adviser, in: app).body.string
            #expect(index.contains("Gearchiveerd: ") && !index.contains("/groeiclusters/logistiek?"))
            #expect(try await Engagement.query(on: app.db).count() == 2)
            let refusedEngagement = try await Web.post("/groeiclusters/activiteiten", ["date": "2025-03-02", "kind": "event", "clusters[]": "logistiek",
                                                                                        "organisations[]": company.uuidString], as: manager, in: app)
            #expect(refusedEngagement.status == .unprocessableEntity, "an archived cluster takes no new engagements")
            // An engagement it already names can still be changed, keeping it.
            let old = try #require(try await Engagement.query(on: app.db).sort(\.$createdAt).first())
            let form = try await Web.get("/groeiclusters/activiteiten/\(try old.requireID())", as: manager, in: app).body.string
            #expect(form.contains("Logistiek (gearchiveerd)"))
            let changed = try await Web.post("/groeiclusters/activiteiten/\(try old.requireID())", ["date": "2025-03-03", "kind": "event", "clusters[]": "logistiek",
                                                                                                     "organisations[]": company.uuidString], as: manager, in: app)
            #expect(changed.status == .seeOther, "\(changed.body.string.components(separatedBy: "error-summary").last?.prefix(300) ?? "")")
            #expect(try await Web.post("/groeiclusters/logistiek/verwijderen", ["actie": "terugzetten"], as: adviser, in: app).status == .seeOther)

            // Moved to Health and deleted: the engagement in both keeps Health once; the acquisition follows.
            #expect(try await Web.post("/groeiclusters/logistiek/verwijderen", ["actie": "verwijderen", "move_to": "health"], as: adviser, in: app).status == .seeOther)
            #expect(try await Cluster.query(on: app.db).filter(\.$key == "logistiek").count() == 0)
            let health = try await ClusterService.find(key: "health", on: app.db).requireID()
            let links = try await app.sql.select().columns("engagement_id", "cluster_id").from("engagement_clusters").all()
            #expect(links.count == 2 && links.allSatisfy { (try? $0.decode(column: "cluster_id", as: UUID.self)) == health })
            #expect(try await Acquisition.query(on: app.db).filter(\.$companyName == "Vervoerder BV").first()?.$cluster.id == health)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$entity == "cluster").filter(\.$action == .delete).all()
            #expect(trail.count == 1 && trail[0].changes.contains("health"))
        }
    }
}
