@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Security issue, item 7: one policy for the web and the API. A viewer sees people's names and
/// roles, not their e-mail, phone, notes or consents; bulk exports of personal data are audited.
struct PersonalDataPolicyTests {
    typealias Web = OrganisationTests
    typealias API = RelationsAPITests

    @Test func aViewerSeesNamesAndRolesButNoContactDetails() async throws {
        try await withTestApp { app in
            let (manager, _) = try await API.token(.accountmanager, in: app)
            let person = try API.object(try await API.call(.POST, "/api/v1/people", """
                {"name":"Pieter Post","email":"pieter@post.example","phone":"038-7654321","notes":"Liever bellen","consents":["newsletter"]}
                """, headers: manager, in: app))["id"] as! String
            let secrets = ["pieter@post.example", "038-7654321", "Liever bellen", "newsletter"]

            let (viewer, _) = try await API.token(.viewer, in: app)
            for url in ["/api/v1/people", "/api/v1/people/\(person)", "/api/v1/people?q=pieter@post"] {
                let body = try await API.call(.GET, url, headers: viewer, in: app).body.string
                #expect(secrets.allSatisfy { !body.contains($0) }, "\(url): \(body)")
            }
            #expect(try await API.call(.GET, "/api/v1/people", headers: viewer, in: app).body.string.contains("Pieter Post"))
            #expect(try await API.call(.GET, "/api/v1/people?q=pieter@post", headers: viewer, in: app).body.string.contains("\"total\":0"),
                    "a viewer cannot find people by e-mail address")

            let reader = try await app.session(as: .viewer)
            for url in ["/relaties/personen", "/relaties/personen/\(person)"] {
                let page = try await Web.get(url, as: reader, in: app).body.string
                #expect(page.contains("Pieter Post") && secrets.allSatisfy { !page.contains($0) }, "\(url)")
            }
            // An account manager sees them.
            let full = try await API.call(.GET, "/api/v1/people/\(person)", headers: manager, in: app).body.string
            #expect(full.contains("pieter@post.example") && full.contains("newsletter"))
        }
    }

    @Test func bulkExportsOfPersonalDataAreAudited() async throws {
        try await withTestApp { app in
            let (manager, _) = try await API.token(.accountmanager, in: app)
            for name in ["Een", "Twee"] { _ = try await API.call(.POST, "/api/v1/people", #"{"name":"\#(name)"}"#, headers: manager, in: app) }
            _ = try await API.call(.GET, "/api/v1/people", headers: manager, in: app)
            // One at a time is still a list: recorded too.
            _ = try await API.call(.GET, "/api/v1/people?page_size=1&page=2", headers: manager, in: app)
            _ = try await Web.get("/relaties/personen?formaat=csv", as: try await app.session(as: .admin), in: app)
            let exports = try await AuditEvent.query(on: app.db).filter(\.$entity == "person").filter(\.$action == .export).all()
            #expect(exports.count == 3 && Set(exports.map(\.channel)) == [.api, .web])
        }
    }
}
