@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The public showcase of the growth clusters (issue 14): no login, only organisations that
/// consented (with date and who recorded it), only people who consented to `showcase`, and a
/// place filter by postcode area.
struct ShowcaseTests {
    typealias Web = OrganisationTests

    private static func anonymous(_ path: String, in app: Application) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path) { result = $0 }
        return try #require(result)
    }

    @Test func theShowcaseShowsOnlyWhoConsentedWithoutLogin() async throws {
        try await withTestApp { app in
            _ = try await Importer(database: app.db).importRegister(path: try temporaryFile(ClusterTests.register))
            let manager = try await app.session(as: .accountmanager)
            var ids: [String: UUID] = [:]
            for (name, postcode) in [("Zorg bij het Station BV", "8011AB"), ("Zorg in Stadshagen BV", "8044CD"), ("Zorg Zonder Toestemming BV", "8011EF")] {
                _ = try await Web.post("/relaties", ["kind": "company", "name": name, "postcode": postcode, "website": "zorg.example"], as: manager, in: app)
                ids[name] = try #require(try await Organisation.query(on: app.db).filter(\.$name == name).first()?.requireID())
                let engaged = try await Web.post("/groeiclusters/activiteiten", ["date": "2025-03-01", "kind": "event", "clusters[]": "health",
                                                                                 "organisations[]": ids[name]!.uuidString], as: manager, in: app)
                #expect(engaged.status == .seeOther)
            }
            for name in ["Zorg bij het Station BV", "Zorg in Stadshagen BV"] {
                let consent = try await Web.post("/relaties/organisaties/\(ids[name]!)/etalage", ["consent[]": "ja", "description": "Zorg <b>dichtbij</b>"], as: manager, in: app)
                #expect(consent.status == .seeOther)
            }
            let station = try await OrganisationService.find(ids["Zorg bij het Station BV"], on: app.db)
            #expect(station.showcaseSince == CalendarDay.today.text && station.showcaseRecordedBy == manager.user.id, "date and who recorded it")
            let organisationPage = try await Web.get("/relaties/organisaties/\(ids["Zorg bij het Station BV"]!)", as: manager, in: app).body.string
            #expect(organisationPage.contains("vastgelegd door \(manager.user.name)"))
            // People: one consented to the showcase, one did not.
            let shown = try await PeopleAndContactTests.person(["name": "Sanne Zichtbaar", "email": "sanne@zorg.example", "consents[]": "showcase"], as: manager, in: app)
            let hidden = try await PeopleAndContactTests.person(["name": "Henk Verborgen", "email": "henk@zorg.example"], as: manager, in: app)
            let later = try await PeopleAndContactTests.person(["name": "Toos Straks", "consents[]": "showcase"], as: manager, in: app)
            for person in [shown, hidden] {
                _ = try await Web.post("/relaties/personen/\(person)/rollen", ["organisation": ids["Zorg bij het Station BV"]!.uuidString, "title": "Directeur"], as: manager, in: app)
            }
            _ = try await Web.post("/relaties/personen/\(later)/rollen", ["organisation": ids["Zorg bij het Station BV"]!.uuidString, "title": "Straks",
                                                                          "from": DemoRelations.day(60).text], as: manager, in: app)

            let page = try await Self.anonymous("/etalage/health", in: app)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Zorg bij het Station BV") && html.contains("Zorg in Stadshagen BV") && !html.contains("Zorg Zonder Toestemming BV"))
            #expect(html.contains("Zorg &lt;b&gt;dichtbij&lt;/b&gt;"), "the description is escaped")
            #expect(html.contains("Sanne Zichtbaar (Directeur)") && !html.contains("Henk Verborgen") && !html.contains("sanne@zorg.example"))
            #expect(!html.contains("Toos Straks"), "a role that has not started yet")
            #expect(html.contains("href=\"https://zorg.example\""))
            #expect(!html.contains("Uitloggen") && !html.contains("/relaties/organisaties/"), "nothing of the internal pages")

            let spoorzone = try await Self.anonymous("/etalage/health?plek=spoorzone", in: app).body.string
            #expect(spoorzone.contains("Zorg bij het Station BV") && !spoorzone.contains("Zorg in Stadshagen BV"))
            #expect(spoorzone.contains("1 organisaties in de Spoorzone"))
            #expect(try await Self.anonymous("/etalage/health?plek=maan", in: app).status == .badRequest)
            let supporting = try await Self.anonymous("/etalage/logistiek", in: app)
            #expect(supporting.status == .notFound && supporting.body.string.contains("Deze etalage bestaat niet."), "a showcase per growth cluster, and no word of the others")
            #expect(try await Self.anonymous("/etalage/onbekend", in: app).status == .notFound)

            // Withdrawn: gone from the showcase.
            _ = try await Web.post("/relaties/organisaties/\(ids["Zorg in Stadshagen BV"]!)/etalage", ["description": ""], as: manager, in: app)
            #expect(!(try await Self.anonymous("/etalage/health", in: app).body.string.contains("Zorg in Stadshagen BV")))
            let tooLong = try await Web.post("/relaties/organisaties/\(ids["Zorg in Stadshagen BV"]!)/etalage",
                                             ["consent[]": "ja", "description": String(repeating: "x", count: 301)], as: manager, in: app)
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.string.contains("langer dan 300 tekens"))
            #expect(try await OrganisationService.find(ids["Zorg in Stadshagen BV"], on: app.db).showcaseSince == nil, "nothing written")
            let reader = try await app.session(as: .viewer)
            #expect(try await Web.post("/relaties/organisaties/\(ids["Zorg in Stadshagen BV"]!)/etalage", ["consent[]": "ja"], as: reader, in: app).status == .forbidden)
        }
    }

    /// The showcase is the only public page beyond the login, health check and assets (and the
    /// metrics, which need an allowed address or their token instead of a login, and the API's
    /// OpenAPI document, which holds no data).
    @Test func theShowcaseIsTheOnlyPublicPage() {
        #expect(Set(SiteURL.allCases.filter(\.isPublic)) == [.health, .metrics, .stylesheet, .script, .login, .showcase, .openAPI])
    }
}
