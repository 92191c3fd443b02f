@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The clusters and engagements in the JSON API (issue 14).
struct ClustersAPITests {
    typealias API = RelationsAPITests

    @Test func clustersComeWithTheirDefinitionFiguresAndInvolvement() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.accountmanager, in: app)
            let company = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Deelnemer BV"}"#, headers: headers, in: app))["id"] as! String
            let today = CalendarDay.today.text
            let created = try await API.call(.POST, "/api/v1/engagements",
                                             #"{"date":"\#(today)","kind":"event","clusters":["ict-ecommerce"],"organisations":["\#(company)"]}"#, headers: headers, in: app)
            #expect(created.status == .created, "\(created.body.string)")
            let bad = try await API.call(.POST, "/api/v1/engagements", #"{"date":"\#(today)","kind":"event","clusters":[],"organisations":[]}"#, headers: headers, in: app)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("clusters") && bad.body.string.contains("organisations"))

            let response = try await API.call(.GET, "/api/v1/clusters/ict-ecommerce?area=GM0193&year=2020", nil, headers: headers, in: app)
            #expect(response.status == .ok)
            let cluster = try API.object(response)
            #expect(cluster["key"] as? String == "ict-ecommerce" && cluster["growth_cluster"] as? Bool == true)
            #expect(cluster["jobs"] as? Int == 210 && cluster["establishments"] as? Int == 2, "Software Een 150 + Webwinkel Twee 60")
            #expect((cluster["sbi_prefixes"] as? [String])?.contains("47.91") == true)
            let involvement = try #require(cluster["active_involvement"] as? [String: Any])
            #expect(involvement["count"] as? Int == 1 && involvement["target"] as? Int == 15)
            let all = try await API.call(.GET, "/api/v1/clusters", nil, headers: headers, in: app)
            #expect(all.status == .ok && all.body.string.contains("\"logistiek\""))
            #expect(try await API.call(.GET, "/api/v1/clusters/onbekend", nil, headers: headers, in: app).status == .notFound)
            #expect(try await API.call(.GET, "/api/v1/clusters/health?year=1999", nil, headers: headers, in: app).status == .badRequest)
            let listed = try await API.call(.GET, "/api/v1/engagements?cluster=ict-ecommerce", nil, headers: headers, in: app)
            #expect(listed.status == .ok && listed.body.string.contains("\"total\":1"))
        }
    }
}
