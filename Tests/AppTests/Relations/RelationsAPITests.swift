@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The JSON API for the relations register: CRUD, paging, problem+json naming the fields, roles (issue 6).
struct RelationsAPITests {
    /// A bearer token for a new user with `role`.
    static func token(_ role: Role, in app: Application) async throws -> (headers: HTTPHeaders, user: User) {
        let session = try await app.session(as: role)
        let (_, secret) = try await Accounts(database: app.db, passwordCost: app.passwordCost, actor: .system).createToken(for: session.user, name: "test")
        return (["Authorization": "Bearer \(secret)", "Content-Type": "application/json"], session.user)
    }

    static func call(_ method: HTTPMethod, _ path: String, _ json: String? = nil, headers: HTTPHeaders, in app: Application) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, beforeRequest: { request in
            if let json { request.body = ByteBuffer(string: json) }
        }) { result = $0 }
        return result!
    }

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    @Test func organisationsCanBeCreatedReadListedChangedAndDeleted() async throws {
        try await withTestApp { app in
            let (headers, _) = try await Self.token(.accountmanager, in: app)
            let created = try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"API BV","kvk_number":"12345678","establishment_numbers":["000000000001"],"tags":["ict"]}"#,
                                              headers: headers, in: app)
            #expect(created.status == .created)
            #expect(created.headers.first(name: "API-Version") == APIVersionMiddleware.version)
            let id = try #require(try Self.object(created)["id"] as? String)
            #expect(created.headers.first(name: .location) == "/api/v1/organisations/\(id)")
            let read = try Self.object(try await Self.call(.GET, "/api/v1/organisations/\(id)", headers: headers, in: app))
            #expect(read["kvk_number"] as? String == "12345678" && (read["establishment_numbers"] as? [String]) == ["000000000001"])
            // PATCH changes only what it names.
            let patched = try Self.object(try await Self.call(.PATCH, "/api/v1/organisations/\(id)", #"{"postcode":"8011ab"}"#, headers: headers, in: app))
            #expect(patched["postcode"] as? String == "8011AB" && patched["name"] as? String == "API BV" && (patched["tags"] as? [String]) == ["ict"])
            let list = try Self.object(try await Self.call(.GET, "/api/v1/organisations?q=api&page=1&page_size=10", headers: headers, in: app))
            #expect(list["total"] as? Int == 1 && (list["data"] as? [Any])?.count == 1 && list["page_size"] as? Int == 10)
            #expect((try await Self.call(.DELETE, "/api/v1/organisations/\(id)", headers: headers, in: app)).status == .noContent)
            #expect((try await Self.call(.GET, "/api/v1/organisations/\(id)", headers: headers, in: app)).status == .notFound)
            let channels = try await AuditEvent.query(on: app.db).filter(\.$entity == "organisation").all().map(\.channel)
            #expect(channels == [.api, .api, .api], "create, update, delete through the API")
        }
    }

    @Test func invalidFieldsAreNamedInProblemJSONAndNothingIsWritten() async throws {
        try await withTestApp { app in
            let (headers, _) = try await Self.token(.accountmanager, in: app)
            let response = try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"X","kvk_number":"12","sbi":"0000"}"#, headers: headers, in: app)
            #expect(response.status == .unprocessableEntity)
            #expect(response.headers.contentType?.description == "application/problem+json")
            let params = try #require(try Self.object(response)["invalid-params"] as? [[String: String]])
            #expect(Set(params.compactMap { $0["name"] }) == ["kvk_number", "sbi"])
            #expect(try await app.count("organisations") == 0)
            let followUp = try await Self.call(.POST, "/api/v1/follow-ups", #"{"description":"Bellen","due_on":"2025-01-01"}"#, headers: headers, in: app)
            #expect(followUp.status == .unprocessableEntity && followUp.body.string.contains("owner"))
            let badJSON = try await Self.call(.POST, "/api/v1/people", #"{"name": 12}"#, headers: headers, in: app)
            #expect(badJSON.status == .badRequest && badJSON.headers.contentType?.description == "application/problem+json")
        }
    }

    @Test func registerHistoryAndTheAVGThroughTheAPI() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(SectorsPageTests.register))
            let (manager, _) = try await Self.token(.accountmanager, in: app)
            let (admin, _) = try await Self.token(.admin, in: app)
            let organisation = try Self.object(try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Software Een","kvk_number":"00000001"}"#,
                                                                   headers: manager, in: app))["id"] as! String
            let register = try Self.object(try await Self.call(.GET, "/api/v1/organisations/\(organisation)/register", headers: manager, in: app))
            let years = try #require(register["years"] as? [[String: Any]])
            #expect(years.map { $0["jobs"] as? Int } == [120, 200], "2010 and 2020")
            let person = try Self.object(try await Self.call(.POST, "/api/v1/people", #"{"name":"Anna Zwartjes","email":"anna@zwartjes.example"}"#,
                                                             headers: manager, in: app))["id"] as! String
            #expect((try await Self.call(.GET, "/api/v1/people/\(person)/personal-data", headers: manager, in: app)).status == .forbidden)
            let data = try await Self.call(.GET, "/api/v1/people/\(person)/personal-data", headers: admin, in: app)
            #expect(data.status == .ok && data.body.string.contains("anna@zwartjes.example"))
            #expect((try await Self.call(.POST, "/api/v1/people/\(person)/erase", headers: admin, in: app)).status == .noContent)
            #expect(try await app.count("people") == 0)
        }
    }

    @Test func aReaderMayListButNotWriteAndStrangersGet401() async throws {
        try await withTestApp { app in
            let (reader, _) = try await Self.token(.viewer, in: app)
            #expect((try await Self.call(.GET, "/api/v1/people", headers: reader, in: app)).status == .ok)
            #expect((try await Self.call(.POST, "/api/v1/people", #"{"name":"Anna"}"#, headers: reader, in: app)).status == .forbidden)
            #expect((try await Self.call(.GET, "/api/v1/contact-moments", headers: ["Content-Type": "application/json"], in: app)).status == .unauthorized)
            #expect(try await app.count("people") == 0)
        }
    }

    @Test func aVisitWithTwoPeopleAndAFollowUpThroughTheAPI() async throws {
        try await withTestApp { app in
            let (headers, user) = try await Self.token(.accountmanager, in: app)
            let organisation = try Self.object(try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Klant"}"#, headers: headers, in: app))["id"] as! String
            let anna = try Self.object(try await Self.call(.POST, "/api/v1/people", #"{"name":"Anna","consents":["newsletter"]}"#, headers: headers, in: app))["id"] as! String
            let bram = try Self.object(try await Self.call(.POST, "/api/v1/people", #"{"name":"Bram"}"#, headers: headers, in: app))["id"] as! String
            let body = #"{"date":"2025-05-01","kind":"visit","organisations":["\#(organisation)"],"people":["\#(anna)","\#(bram)"],"follow_up":"Terugbellen","follow_up_owner":"\#(user.email)","follow_up_due":"2025-05-15"}"#
            let visit = try await Self.call(.POST, "/api/v1/contact-moments", body, headers: headers, in: app)
            #expect(visit.status == .created, "\(visit.body.string)")
            #expect((try Self.object(visit)["people"] as? [String])?.count == 2)
            let open = try Self.object(try await Self.call(.GET, "/api/v1/follow-ups?status=open&owner=\(user.id!)", headers: headers, in: app))
            #expect(open["total"] as? Int == 1)
            let person = try Self.object(try await Self.call(.GET, "/api/v1/people/\(anna)", headers: headers, in: app))
            #expect((person["consents"] as? [String]) == ["newsletter"])
        }
    }

    /// The API's filters have English names of their own, not the web pages' Dutch ones.
    @Test func organisationsAreFilteredByTheAPIsOwnParameters() async throws {
        try await withTestApp { app in
            let (headers, user) = try await Self.token(.accountmanager, in: app)
            _ = try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"education","name":"Hogeschool","tags":["onderwijs"]}"#, headers: headers, in: app)
            _ = try await Self.call(.POST, "/api/v1/organisations", #"{"kind":"company","name":"Bedrijf","account_manager":"\#(user.email)"}"#, headers: headers, in: app)
            let names = { (url: String) in
                ((try Self.object(try await Self.call(.GET, url, headers: headers, in: app))["data"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
            }
            #expect(try await names("/api/v1/organisations?kind=education") == ["Hogeschool"])
            #expect(try await names("/api/v1/organisations?tag=onderwijs") == ["Hogeschool"])
            #expect(try await names("/api/v1/organisations?account_manager=\(try user.requireID())") == ["Bedrijf"])
            let bad = try await Self.call(.GET, "/api/v1/organisations?kind=vereniging", headers: headers, in: app)
            #expect(bad.status == .badRequest && bad.body.string.contains("kind"))
        }
    }
}
