@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The indicator catalogue (issue 15, first part): each value against a computation by hand on
/// the small register of the cluster tests, with its evidence, and bad parameters named.
struct IndicatorTests {
    typealias API = RelationsAPITests

    private static func value(_ path: String, headers: HTTPHeaders, in app: Application) async throws -> [String: Any] {
        let response = try await API.call(.GET, path, nil, headers: headers, in: app)
        #expect(response.status == .ok, "\(path): \(response.body.string)")
        return try API.object(response)
    }

    @Test func valuesMatchAComputationByHand() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.accountmanager, in: app)
            // Zwolle 2020: 150 + 60 + 1.050 + 25 jobs in four establishments; 2018: 100 + 40 + 1.000 + 20.
            #expect(try await Self.value("/api/v1/indicators/jobs?area=GM0193&year=2020", headers: headers, in: app)["value"] as? Double == 1_285)
            let jobs2018 = try await Self.value("/api/v1/indicators/jobs?area=GM0193&year=2018", headers: headers, in: app)
            #expect(jobs2018["value"] as? Double == 1_160 && jobs2018["as_of"] as? String == "2018")
            #expect(try await Self.value("/api/v1/indicators/establishments?area=GM0193&year=2020", headers: headers, in: app)["value"] as? Double == 4)
            // ICT & E-commerce: Software Een 150 + Webwinkel Twee 60.
            #expect(try await Self.value("/api/v1/indicators/cluster_jobs?area=GM0193&cluster=ict-ecommerce&year=2020", headers: headers, in: app)["value"] as? Double == 210)

            // Involvement and acquisitions from Relaties, with their records as evidence.
            let company = try API.object(try await API.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Deelnemer BV"}"#, headers: headers, in: app))["id"] as! String
            _ = try await API.call(.POST, "/api/v1/engagements", #"{"date":"\#(CalendarDay.today.text)","kind":"event","clusters":["health"],"organisations":["\#(company)"]}"#,
                                   headers: headers, in: app)
            let involved = try await Self.value("/api/v1/indicators/active_involvement?cluster=health", headers: headers, in: app)
            #expect(involved["value"] as? Double == 1 && (involved["evidence"] as? [[String: Any]])?.first?["id"] as? String == company)
            #expect(try await Self.value("/api/v1/indicators/university_collaboration?cluster=health", headers: headers, in: app)["value"] as? Double == 0)
            for (name, origin) in [("Van Ver BV", "GM0772"), ("Van Dichtbij BV", "GM0166")] {
                let created = try await API.call(.POST, "/api/v1/acquisitions", #"{"company_name":"\#(name)","origin_municipality":"\#(origin)","cluster":"health","stage":"landed","decision_on":"2025-01-15"}"#,
                                                 headers: headers, in: app)
                #expect(created.status == .created || origin == "GM0166", "\(created.body.string)")
            }
            let landed = try await Self.value("/api/v1/indicators/landed_acquisitions?cluster=health&since=2024-01-01", headers: headers, in: app)
            #expect(landed["value"] as? Double == 1 && (landed["evidence"] as? [[String: Any]])?.first?["label"] as? String == "Van Ver BV", "only from outside the region")
            #expect(try await Self.value("/api/v1/indicators/landed_acquisitions?since=2025-02-01", headers: headers, in: app)["value"] as? Double == 0)
            let catalogue = try await API.call(.GET, "/api/v1/indicators", nil, headers: headers, in: app)
            #expect(catalogue.status == .ok && catalogue.body.string.contains("\"fast_growers\""))
        }
    }

    @Test(arguments: [
        ("/api/v1/indicators/cluster_jobs", 400, "cluster: is verplicht"),
        ("/api/v1/indicators/cluster_jobs?cluster=ruimtevaart", 400, "'ruimtevaart' is geen cluster"),
        ("/api/v1/indicators/jobs?year=1999", 400, "'1999' is geen jaar met registergegevens"),
        ("/api/v1/indicators/fast_growers?definition=snel", 400, "kies oecd of eu2014"),
        ("/api/v1/indicators/jobs?cluster=health", 400, "jobs kent de parameter 'cluster' niet"),
        ("/api/v1/indicators/geluk", 404, "Deze indicator bestaat niet"),
    ])
    func badParametersAreNamed(path: String, status: UInt, message: String) async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let (headers, _) = try await API.token(.viewer, in: app)
            let response = try await API.call(.GET, path, nil, headers: headers, in: app)
            #expect(response.status.code == status && response.body.string.contains(message), "\(response.body.string)")
        }
    }
}
